// The parts of a layer analysis around its rows: the options and their checks, the seeded subsamples and
// pairs, the input's products every row is read against, the residual stretches (planAnalysis, before
// the first row); the motion ratios, flags and notes (finishReport, after the last). The rows in between
// run on the engine thread (analyze.ts) or on the worker pool (pooled-layers.ts).
import { sampleIndices } from '../metrics/subsample'
import { createRng } from '../sampling/random'
import { type Message, message, stored, type StoredMessage } from '../../../shared/messages'
import { EngineError } from '../errors'
import type { LayerData } from './dumps'
import { LAYER_REPORT_VERSION, type FlagThresholds, type LayerReport, type LayerRow, type RemedyAudience, type Stretch } from '../../../shared/layers'
import { outputLayerOf } from './causes'
import { FLAG_THRESHOLDS, raiseFlags } from './flags'
import { ckaSide, type CkaSide } from './cka'
import { median, pairDistances } from './metrics'
import { layerNeighbours, type LayerNeighbours } from './neighbours'
import { gather, type RowInputs, type RowStep } from './layer-row'

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

export interface AnalysisPlan {
  o: typeof ANALYZE_DEFAULTS
  thresholds: FlagThresholds
  inputs: RowInputs
  /** the input's own products (row 0 is computed from them) */
  input: { sub: Float64Array; side: CkaSide; dist: Float64Array; near: LayerNeighbours }
  stretches: Stretch[]
  /** the row each update starts from: the previous row in an equal-width run, or a graph block's input */
  stepFrom: Map<number, number>
  classes: number
  outputLayer: number | null
}

/** Check the layers and options, draw the subsamples and pairs, and prepare the input's products. */
export function planAnalysis(layers: LayerData[], options: AnalyzeOptions): AnalysisPlan {
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
  const inSide = ckaSide(inSub, m, input.width)
  return {
    o,
    thresholds,
    inputs: {
      n,
      m,
      k,
      seed: o.seed,
      mergeRelative: o.mergeRelative,
      directions: o.directions,
      idx,
      pairs,
      cloudIdx,
      inKnn,
      inDist,
      inSide,
      ...(labels ? { labels } : {}),
      marked: options.residualBlocks !== undefined
    },
    input: { sub: inSub, side: inSide, dist: inDist, near: inNear },
    stretches,
    stepFrom,
    classes,
    outputLayer
  }
}

/** The update row l ends (null: none, outside a stretch or without a starting row). */
export function stepOf(plan: AnalysisPlan, layers: LayerData[], l: number): RowStep | null {
  const si = plan.stretches.findIndex((s) => l > s.from && l <= s.to)
  const from = plan.stepFrom.get(l)
  if (si < 0 || from === undefined) return null
  return { stretch: si, h: plan.stretches[si].h, from, prev: layers[from] }
}

/** The report from the finished rows: motion ratios within each stretch, flags, notes. */
export function finishReport(plan: AnalysisPlan, layers: LayerData[], rows: LayerRow[], options: AnalyzeOptions): LayerReport {
  const { o, thresholds, stretches, outputLayer, classes } = plan
  const { n, m, k, pairs, cloudIdx, labels } = plan.inputs
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
