// analyzeLayers: what each layer of an existing model does to the data, from its activations. Cross-layer
// metrics against the input and the previous layer, residual-stretch motion, and plain-language flags.
// Pure and deterministic: every subsample and projection comes from `seed`. The plan and the report's
// tail are analysis-plan.ts, one row's own metrics layer-row.ts; with a worker pool the rows are computed
// there in parallel (pooled-layers.ts) and the report is the same.
import type { LayerData } from './dumps'
import type { LayerReport, LayerRow } from '../../../shared/layers'
import { newMerging } from './causes'
import { linearCkaOf } from './cka'
import { finishReport, planAnalysis, stepOf, type AnalyzeOptions } from './analysis-plan'
import { ownRow } from './layer-row'
import { pooledRows, type PooledRun } from './pooled-layers'

export type { LayerReport, LayerRow, Stretch, LayerFlag } from '../../../shared/layers'
export { ANALYZE_DEFAULTS, type AnalyzeOptions } from './analysis-plan'

/** The analysis as steps: yields each layer's index once its row is done, returns the report. */
function* analyzeSteps(layers: LayerData[], options: AnalyzeOptions): Generator<number, LayerReport> {
  const plan = planAnalysis(layers, options)
  const { m } = plan.inputs
  let prevSide = plan.input.side
  let prevKnn = plan.inputs.inKnn
  let prevStates: Uint8Array | null = null
  const rows: LayerRow[] = []
  for (let l = 0; l < layers.length; l++) {
    const { row, side, states, near, kept } = ownRow(plan.inputs, l, layers[l], stepOf(plan, layers, l), l === 0 ? plan.input : undefined)
    row.ckaToPrevious = l === 0 ? null : linearCkaOf(prevSide, side, m)
    row.mergingNew = l === 0 ? 0 : newMerging(states, prevStates)
    row.knnFromPrevious = l === 0 ? null : l === 1 ? kept : near.kept(prevKnn)
    prevSide = side
    prevStates = l === 0 ? null : states
    // the next layer's own loss is read against this layer's neighbours (layer 1's against the input's)
    if (l > 0 && l < layers.length - 1) prevKnn = near.knn()
    rows.push(row)
    yield l
  }
  return finishReport(plan, layers, rows, options)
}

export function analyzeLayers(layers: LayerData[], options: AnalyzeOptions = {}): LayerReport {
  const steps = analyzeSteps(layers, options)
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}

/**
 * analyzeLayers with `between` awaited after each layer's row (progress, cancellation); same result.
 * With `run.pool` the rows after the input's are computed on its workers (`run.checkpoint` is polled
 * while this thread waits for one); without, here, one after the other.
 */
export async function analyzeLayersAsync(
  layers: LayerData[],
  options: AnalyzeOptions,
  between: (layer: number, count: number) => Promise<void> | void,
  run: PooledRun = {}
): Promise<LayerReport> {
  if (run.pool) {
    const plan = planAnalysis(layers, options)
    const rows = await pooledRows(plan, layers, run.pool, between, run.checkpoint)
    return finishReport(plan, layers, rows, options)
  }
  const steps = analyzeSteps(layers, options)
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
    await between(r.value, layers.length)
  }
}
