// Domain shift layer by layer: one model's representations of reference data and of new (compare) data,
// and at every recorded layer the distance between the two clouds (energy distance, MMD, sliced W2), each
// over the input layer's, the layer where the shift grows or is absorbed, and the compare samples lying
// farthest from the reference. Pure and deterministic: every subsample and direction comes from `seed`.
import { medianBandwidth } from '../metrics/mmd'
import { sampleIndices } from '../metrics/subsample'
import { slicedW2 } from '../metrics/wasserstein'
import { createRng } from '../sampling/random'
import { type Message, message, stored } from '../../../shared/messages'
import type { LayerFlag, LayerReport, ShiftRow, ShiftSummary } from '../../../shared/layers'
import { EngineError } from '../errors'
import type { LayerData } from './dumps'
import { shiftFlag } from './flags'
import { median } from './metrics'
import { twoCloudStats } from './shift-distances'

export interface ShiftOptions {
  seed?: number
  /** points per side the distances use; a seeded subsample beyond (default 2000; energy and MMD are O(m^2 width)) */
  maxPoints?: number
  /** sliced W2 directions (default 64) */
  directions?: number
  /** neighbour rank of the kNN distance to the reference (default 5) */
  k?: number
  /** compare samples listed as farthest from the reference, per layer (default 10) */
  farthest?: number
}

export const SHIFT_DEFAULTS = { seed: 7, maxPoints: 2000, directions: 64, k: 5, farthest: 10 }
/** a change of the energy coefficient smaller than this is noise, not growth or absorption (U-statistics of 2000 points) */
export const SHIFT_NOISE = 0.01

export interface ShiftResult {
  rows: ShiftRow[]
  summary: ShiftSummary
}

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)

function gather(x: Float64Array, w: number, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length * w)
  for (let i = 0; i < idx.length; i++) out.set(x.subarray(idx[i] * w, idx[i] * w + w), i * w)
  return out
}

/** Check the compare layers are the same layers as the reference's (names and widths). */
export function checkCompareLayers(ref: LayerData[], cmp: LayerData[]): void {
  if (cmp.length !== ref.length) throw invalid(message('shift.compareLayerCount', { count: cmp.length, expected: ref.length }))
  ref.forEach((r, l) => {
    const c = cmp[l]
    if (c.width !== r.width) throw invalid(message('shift.compareLayerWidth', { layer: l, name: r.name, width: c.width, expected: r.width }))
  })
  const n = cmp[0].n
  if (n < 3) throw invalid(message('shift.compareTooFew', { count: n }))
  for (const c of cmp)
    if (c.n !== n || c.data.length !== n * c.width) throw invalid(message('import.analyzeLayerShape', { name: c.name, rows: c.n, width: c.width, n }))
}

const ratio = (v: number, base: number): number | null => (base > 0 ? v / base : null)

/** The step between consecutive layers' energy coefficients that is largest (sign +1) or most negative (-1), beyond noise. */
function extremeStep(c: number[], sign: 1 | -1): number | null {
  let best: number | null = null
  let bestStep = SHIFT_NOISE
  for (let l = 1; l < c.length; l++) {
    const step = sign * (c[l] - c[l - 1])
    if (step > bestStep) {
      bestStep = step
      best = l
    }
  }
  return best
}

type RawShiftRow = Omit<ShiftRow, 'energyRatio' | 'mmdRatio' | 'slicedW2Ratio'>
type Farthest = ShiftSummary['farthest'][number]

/** What every layer's shift is measured with: the options, the two seeded subsamples and the neighbour rank. */
export interface ShiftPlan {
  o: typeof SHIFT_DEFAULTS
  nRef: number
  nCmp: number
  ir: Int32Array
  ic: Int32Array
  k: number
}

export function planShift(ref: LayerData[], cmp: LayerData[], options: ShiftOptions = {}): ShiftPlan {
  const o = { ...SHIFT_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as typeof SHIFT_DEFAULTS
  checkCompareLayers(ref, cmp)
  const rng = createRng(o.seed).fork('shift')
  const nRef = ref[0].n
  const nCmp = cmp[0].n
  const ir = sampleIndices(nRef, o.maxPoints, rng.fork('reference'))
  const ic = sampleIndices(nCmp, o.maxPoints, rng.fork('compare'))
  return { o, nRef, nCmp, ir, ic, k: Math.max(1, Math.min(o.k, ir.length - 1)) }
}

/** The two clouds layer l's shift reads: the subsamples, or the whole layers when nothing was left out. */
export function shiftClouds(p: ShiftPlan, ref: LayerData, cmp: LayerData): { x: Float64Array; y: Float64Array } {
  const w = ref.width
  return { x: p.ir.length === p.nRef ? ref.data : gather(ref.data, w, p.ir), y: p.ic.length === p.nCmp ? cmp.data : gather(cmp.data, w, p.ic) }
}

/** Layer l's distances between its two clouds, and its farthest compare samples (on any thread: its generators are forked by label). */
export function shiftLayer(p: ShiftPlan, l: number, name: string, w: number, x: Float64Array, y: Float64Array): { raw: RawShiftRow; farthest: Farthest } {
  const { o, k, ic } = p
  const mr = p.ir.length
  const mc = ic.length
  const rng = createRng(o.seed).fork('shift')
  // the median heuristic of analysis/mmd.ts (on at most 1000 pooled points), then one pass for energy, MMD and kNN
  const { bandwidth } = medianBandwidth(x, mr, y, mc, w, 1000, rng.fork(`mmd-${l}`))
  const st = twoCloudStats(x, mr, y, mc, w, k, bandwidth)
  const sw = slicedW2(x, mr, y, mc, w, rng.fork(`w2-${l}`), o.directions)
  const toRef = st.toReference
  const within = median(st.withinReference)
  const order = Array.from(toRef.keys()).sort((a, b) => toRef[b] - toRef[a] || a - b)
  return {
    raw: {
      energy: st.energy,
      mmd: st.mmd,
      mmdBandwidth: bandwidth,
      slicedW2: sw,
      energyCoefficient: st.cross > 0 ? st.energy / (2 * st.cross) : 0,
      knnRatio: within > 0 ? median(toRef) / within : median(toRef) > 0 ? Infinity : 1
    },
    farthest: { layer: l, name, points: order.slice(0, o.farthest).map((i) => ({ index: ic[i], distance: toRef[i] })) }
  }
}

/** The shift from every layer's part: ratios to the input's, where it grows and is absorbed, the summary. */
export function finishShift(p: ShiftPlan, raw: RawShiftRow[], farthest: Farthest[]): ShiftResult {
  const { o, k, nRef, nCmp } = p
  const mr = p.ir.length
  const mc = p.ic.length
  const base = raw[0]
  const rows: ShiftRow[] = raw.map((r) => ({
    ...r,
    energyRatio: ratio(r.energy, base.energy),
    mmdRatio: ratio(r.mmd, base.mmd),
    slicedW2Ratio: ratio(r.slicedW2, base.slicedW2)
  }))
  const coeff = rows.map((r) => r.energyCoefficient)
  const subsampled = mr < nRef || mc < nCmp
  return {
    rows,
    summary: {
      referencePoints: mr,
      comparePoints: mc,
      referenceN: nRef,
      compareN: nCmp,
      subsampled,
      seed: o.seed,
      directions: o.directions,
      k,
      growsAt: extremeStep(coeff, 1),
      absorbedAt: extremeStep(coeff, -1),
      farthest,
      note: stored(
        subsampled ? message('shift.samplingSubsample', { m: mr, n: nRef, mc, nc: nCmp, seed: o.seed }) : message('shift.samplingAll', { n: nRef, nc: nCmp })
      )
    }
  }
}

/** Per-layer shift between reference layers and the same layers on compare data (pooled-shift.ts: the same on the worker pool). */
export function shiftByLayer(ref: LayerData[], cmp: LayerData[], options: ShiftOptions = {}): ShiftResult {
  const p = planShift(ref, cmp, options)
  const raw: RawShiftRow[] = []
  const farthest: Farthest[] = []
  ref.forEach((layer, l) => {
    const { x, y } = shiftClouds(p, layer, cmp[l])
    const r = shiftLayer(p, l, layer.name, layer.width, x, y)
    raw.push(r.raw)
    farthest.push(r.farthest)
  })
  return finishShift(p, raw, farthest)
}

/**
 * Flags of kind 'shift': layers that multiply the scale-free energy coefficient by more than `threshold`
 * (against at least the noise level, so a shift out of nothing is judged against the noise).
 */
export function shiftFlags(report: LayerReport, rows: ShiftRow[], threshold: number): LayerFlag[] {
  const out: LayerFlag[] = []
  for (let l = 1; l < rows.length; l++) {
    const before = rows[l - 1].energyCoefficient
    const after = rows[l].energyCoefficient
    const factor = after / Math.max(before, SHIFT_NOISE)
    if (after - before > SHIFT_NOISE && factor > threshold) out.push(shiftFlag(l, report.rows[l].name, factor, threshold, before, after))
  }
  return out
}

/** The report with the shift in its rows, summary and flags (a new object; `report` is left as it was). */
export function withShift(report: LayerReport, shift: ShiftResult): LayerReport {
  const flags = [...report.flags, ...shiftFlags(report, shift.rows, report.thresholds.shift)]
  return { ...report, rows: report.rows.map((r, l) => ({ ...r, shift: shift.rows[l] })), flags, shift: shift.summary }
}
