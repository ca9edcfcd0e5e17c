// analyzeLayers: what each layer of an existing model does to the data, from its activations. Cross-layer
// metrics against the input and the previous layer, residual-stretch motion, and plain-language flags.
// Pure and deterministic: every subsample and projection comes from `seed`.
import { knnEntropy } from '../metrics/entropy'
import { sampleIndices } from '../metrics/subsample'
import { slicedW2 } from '../metrics/wasserstein'
import { createRng } from '../sampling/random'
import { type Message, message, stored, type StoredMessage } from '../../../shared/messages'
import { EngineError } from '../errors'
import type { LayerData } from './dumps'
import { LAYER_REPORT_VERSION, type FlagThresholds, type LayerReport, type LayerRow, type RemedyAudience, type Stretch } from '../../../shared/layers'
import { mergingByClass, newMerging, outputLayerOf, pairStates } from './causes'
import { FLAG_THRESHOLDS, raiseFlags } from './flags'

export type { LayerReport, LayerRow, Stretch, LayerFlag } from '../../../shared/layers'
import { ckaSide, linearCkaOf } from './cka'
import { reductionNote } from '../onnx/notes'
import { meanUpdate, median, mergingFraction, pairDistances, pearson, separability } from './metrics'
import { layerNeighbours } from './neighbours'

export interface AnalyzeOptions {
  /** neighbours per point for kNN preservation (default 10) */
  k?: number
  seed?: number
  /** class label per point (length N), for separability */
  labels?: Int32Array
  /** points in the seeded subsample for kNN preservation and CKA (default 2000; brute force is O(m^2 width)) */
  maxPoints?: number
  /** point pairs for the distance correlation and merging (default 20000; all pairs when N(N-1)/2 is fewer) */
  maxPairs?: number
  /** points for the entropy and sliced W2 (default 50000) */
  maxCloudPoints?: number
  /** merging: pairs closer than this x the median pair distance count as one point (default 1e-3) */
  mergeRelative?: number
  /** sliced W2 directions (default 64) */
  directions?: number
  thresholds?: Partial<FlagThresholds>
  /** whose remedies the flags give (default 'imported': a network trained elsewhere) */
  audience?: RemedyAudience
  /** the layer read as the output (null: none); default: the last layer when its name or width says so (causes.outputLayerOf) */
  outputLayer?: number | null
  /**
   * residual blocks, marked (dumps' layers.json) or read from a graph: row indices of each block's input and
   * output. When given, they mark the Euler stretches instead of the guess that equal-width runs are residual.
   */
  residualBlocks?: { from: number; to: number }[]
}

export const ANALYZE_DEFAULTS = { k: 10, seed: 7, maxPoints: 2000, maxPairs: 20_000, maxCloudPoints: 50_000, mergeRelative: 1e-3, directions: 64 }

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)

function gather(x: Float64Array, w: number, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length * w)
  for (let i = 0; i < idx.length; i++) for (let j = 0; j < w; j++) out[i * w + j] = x[idx[i] * w + j]
  return out
}

/** All pairs when there are few enough, else `max` seeded pairs of distinct points; flat [i, j, ...]. */
function samplePairs(n: number, max: number, rng: { int(n: number): number }): Int32Array {
  const all = (n * (n - 1)) / 2
  if (all <= max) {
    const out = new Int32Array(2 * all)
    let p = 0
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        out[p++] = i
        out[p++] = j
      }
    return out
  }
  const out = new Int32Array(2 * max)
  for (let p = 0; p < max; p++) {
    const i = rng.int(n)
    let j = rng.int(n - 1)
    if (j >= i) j++
    out[2 * p] = i
    out[2 * p + 1] = j
  }
  return out
}

/** Chains of residual blocks (graph blocks, or marked runs; each starting at or after the previous one's output, same width) as stretches. */
function blockStretches(layers: LayerData[], blocks: { from: number; to: number }[]): Stretch[] {
  const usable = blocks.filter((b) => b.from < b.to && layers[b.from].width === layers[b.to].width).sort((a, b) => a.to - b.to)
  const chains: { from: number; to: number }[][] = []
  for (const b of usable) {
    const last = chains.at(-1)?.at(-1)
    if (last && b.from >= last.to && layers[b.from].width === layers[last.to].width) chains[chains.length - 1].push(b)
    else chains.push([b])
  }
  return chains.map((c) => ({ from: c[0].from, to: c[c.length - 1].to, width: layers[c[0].from].width, h: 1 / c.length }))
}

function findStretches(layers: LayerData[]): Stretch[] {
  const out: Stretch[] = []
  let from = 0
  for (let l = 1; l <= layers.length; l++) {
    if (l < layers.length && layers[l].width === layers[from].width) continue
    if (l - 1 > from) out.push({ from, to: l - 1, width: layers[from].width, h: 1 / (l - 1 - from) })
    from = l
  }
  return out
}

function meanNorm(x: Float64Array, n: number, w: number): number {
  let s = 0
  for (let i = 0; i < n; i++) {
    let q = 0
    for (let j = 0; j < w; j++) q += x[i * w + j] ** 2
    s += Math.sqrt(q)
  }
  return s / n
}

/** How each metric was sampled: one Message per part, said together as one line. */
function samplingNote(m: number, n: number, pairs: number, cloud: number | null): StoredMessage {
  return stored(
    message('notemsg.samplingParts', {
      points: m < n ? message('import.samplingPoints', { m, n }) : message('shift.samplingPointsAll', { n }),
      pairs: message(pairs === (n * (n - 1)) / 2 ? 'import.samplingPairsAll' : 'import.samplingPairsSeeded', { pairs }),
      cloud: cloud !== null ? message('import.samplingCloudSubsample', { count: cloud }) : message('import.samplingCloudAll'),
      updates: message('import.samplingUpdates')
    })
  )
}

/** The analysis as steps: yields each layer's index once its row is done, returns the report. */
function* analyzeSteps(layers: LayerData[], options: AnalyzeOptions): Generator<number, LayerReport> {
  const o = {
    ...ANALYZE_DEFAULTS,
    ...Object.fromEntries(
      Object.entries(options).filter(([key, v]) => v !== undefined && !['labels', 'thresholds', 'audience', 'outputLayer', 'residualBlocks'].includes(key))
    )
  } as typeof ANALYZE_DEFAULTS
  const thresholds: FlagThresholds = { ...FLAG_THRESHOLDS, ...options.thresholds }
  if (layers.length < 2) throw invalid(message('import.analyzeTooFewLayers', { count: layers.length }))
  const n = layers[0].n
  for (const l of layers)
    if (l.n !== n || l.data.length !== n * l.width) throw invalid(message('import.analyzeLayerShape', { name: l.name, rows: l.n, width: l.width, n }))
  if (n < 3) throw invalid(message('import.tooFewPoints', { count: n }))
  if (!Number.isInteger(o.k) || o.k < 1) throw invalid(message('import.analyzeK', { k: o.k }))
  if (!Number.isInteger(o.seed)) throw invalid(message('import.analyzeSeed', { seed: o.seed }))
  if (options.labels && options.labels.length !== n) throw invalid(message('import.analyzeLabelsForPoints', { count: options.labels.length, n }))
  const rng = createRng(o.seed)
  const idx = sampleIndices(n, Math.max(3, o.maxPoints), rng.fork('points'))
  const m = idx.length
  const k = Math.min(o.k, m - 1)
  const pairs = samplePairs(n, o.maxPairs, rng.fork('pairs'))
  const cloudIdx = n > o.maxCloudPoints ? sampleIndices(n, o.maxCloudPoints, rng.fork('cloud')) : null
  const input = layers[0]
  const inSub = gather(input.data, input.width, idx)
  const inNear = layerNeighbours(inSub, m, input.width, k)
  const inKnn = inNear.knn()
  const inDist = pairDistances(input.data, input.width, pairs)
  const stretches = options.residualBlocks ? blockStretches(layers, options.residualBlocks) : findStretches(layers)
  // the row each update starts from: the previous row in an equal-width run, or a graph block's input
  const stepFrom = new Map<number, number>()
  if (options.residualBlocks) {
    for (const b of options.residualBlocks) if (stretches.some((s) => b.from >= s.from && b.to <= s.to)) stepFrom.set(b.to, b.from)
  } else {
    for (const s of stretches) for (let l = s.from + 1; l <= s.to; l++) stepFrom.set(l, l - 1)
  }
  const labels = options.labels
  const classes = labels ? new Set(labels).size : 0
  const outputLayer =
    options.outputLayer !== undefined
      ? options.outputLayer
      : outputLayerOf(
          layers.map((l) => l.name),
          layers.map((l) => l.width),
          classes
        )
  let prevStates: Uint8Array | null = null
  const stretchOf = (l: number): number => stretches.findIndex((s) => l > s.from && l <= s.to)

  const inSide = ckaSide(inSub, m, input.width)
  let prevSide = inSide
  let prevKnn = inKnn
  const rows: LayerRow[] = []
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l]
    const sub = l === 0 ? inSub : gather(layer.data, layer.width, idx)
    const side = l === 0 ? inSide : ckaSide(sub, m, layer.width)
    const dist = l === 0 ? inDist : pairDistances(layer.data, layer.width, pairs)
    const corr = pearson(inDist, dist)
    const cloud = cloudIdx ? gather(layer.data, layer.width, cloudIdx) : layer.data
    const cn = cloudIdx ? cloudIdx.length : n
    const states = pairStates(inDist, dist, o.mergeRelative)
    const byClass = labels && l > 0 ? mergingByClass(states, pairs, labels) : null
    const near = l === 0 ? inNear : layerNeighbours(sub, m, layer.width, k)
    const kept = near.kept(inKnn)
    const entropy = layer.width <= 3 ? knnEntropy(cloud, cn, layer.width, 5).entropy : null
    const row: LayerRow = {
      index: l,
      name: layer.name,
      width: layer.width,
      knnPreservation: kept,
      distanceCorrelation: Number.isFinite(corr) ? corr : null,
      ckaToInput: linearCkaOf(inSide, side, m),
      ckaToPrevious: l === 0 ? null : linearCkaOf(prevSide, side, m),
      entropy,
      entropyNote:
        entropy === null
          ? stored(message('import.entropyOmitted', { width: layer.width }))
          : entropy < 0
            ? stored(message('shift.entropyNegative', { entropy: entropy.toFixed(2), width: layer.width }))
            : null,
      separability: null,
      merging: mergingFraction(inDist, dist, o.mergeRelative).fraction,
      stretch: null,
      update: null,
      w2FromPrevious: null,
      velocity: null,
      kineticEnergy: null,
      motionRatio: null,
      ...(layer.reduction ? { reduction: layer.reduction, reductionNote: stored(reductionNote(layer.reduction)) } : {}),
      ...(byClass ? { mergingAcross: byClass.across, mergingWithin: byClass.within } : {}),
      mergingNew: l === 0 ? 0 : newMerging(states, prevStates),
      knnFromPrevious: l === 0 ? null : l === 1 ? kept : near.kept(prevKnn)
    }
    if (options.labels) {
      const s = separability(layer.data, n, layer.width, options.labels)
      row.separability = Number.isNaN(s) ? null : s
    }
    const si = stretchOf(l)
    const from = stepFrom.get(l)
    if (si >= 0 && from !== undefined) {
      const prev = layers[from]
      const h = stretches[si].h
      const prevCloud = cloudIdx ? gather(prev.data, prev.width, cloudIdx) : prev.data
      row.stretch = si
      row.update = meanUpdate(prev.data, layer.data, n, layer.width)
      row.w2FromPrevious = slicedW2(prevCloud, cn, cloud, cn, layer.width, rng.fork(`w2-${l}`), o.directions)
      row.velocity = row.update / h
      if (options.residualBlocks) {
        const size = meanNorm(prev.data, n, prev.width)
        row.blockInput = from
        row.relativeUpdate = size > 0 ? row.update / size : null
      }
      let ke = 0
      for (let i = 0; i < prev.data.length; i++) ke += (layer.data[i] - prev.data[i]) ** 2
      row.kineticEnergy = ke / n / (h * h)
    }
    prevSide = side
    prevStates = l === 0 ? null : states
    // the next layer's own loss is read against this layer's neighbours (layer 1's against the input's)
    if (l > 0 && l < layers.length - 1) prevKnn = near.knn()
    rows.push(row)
    yield l
  }

  for (const s of stretches) {
    const steps = rows.slice(s.from + 1, s.to + 1).filter((r) => r.update !== null)
    if (steps.length < 3) continue
    for (const r of steps) {
      const med = median(steps.filter((q) => q !== r).map((q) => q.update as number))
      const u = r.update as number
      r.motionRatio = med > 0 ? u / med : u > 0 ? Infinity : 1
    }
  }

  const flags = raiseFlags(rows, { thresholds, k, labelled: labels !== undefined && classes >= 2, outputLayer, audience: options.audience ?? 'imported' })
  const notes: StoredMessage[] = []
  if (stretches.length > 0) notes.push(stored(message(options.residualBlocks ? 'shift.noteStretchMarked' : 'shift.noteStretchGuess')))
  if (outputLayer !== null) notes.push(stored(message('shift.noteOutputLayer', { layer: outputLayer, name: layers[outputLayer].name })))
  return {
    version: LAYER_REPORT_VERSION,
    n,
    layerCount: layers.length,
    options: { ...o, k },
    thresholds,
    sampling: {
      points: m,
      pairs: pairs.length / 2,
      cloudPoints: cloudIdx ? cloudIdx.length : n,
      note: samplingNote(m, n, pairs.length / 2, cloudIdx ? cloudIdx.length : null)
    },
    stretches,
    rows,
    flags,
    stretchSource: options.residualBlocks ? 'marked' : 'equal-width-guess',
    notes,
    outputLayer
  }
}

export function analyzeLayers(layers: LayerData[], options: AnalyzeOptions = {}): LayerReport {
  const steps = analyzeSteps(layers, options)
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}

/** analyzeLayers with `between` awaited after each layer's row (progress, cancellation); same result. */
export async function analyzeLayersAsync(
  layers: LayerData[],
  options: AnalyzeOptions,
  between: (layer: number, count: number) => Promise<void> | void
): Promise<LayerReport> {
  const steps = analyzeSteps(layers, options)
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
    await between(r.value, layers.length)
  }
}
