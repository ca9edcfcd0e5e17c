// The rows of a layer analysis (analyze.ts) on the engine's worker pool: row 0 (the input) here, every
// other row a 'layer-row' task (layer-row-task.ts), a few in flight at a time (pool/ordered-tasks.ts). A
// task needs its layer, the row its residual update starts from, and the plan's subsamples and input
// products: all in shared memory, one copy for every worker (recorded and imported layers are there from
// the start, dumps.ts layerValues; others get a copy while a task that reads them runs). The entries read
// against the previous layer are finished here, in order, from both tasks' answers with the arithmetic
// of one thread, so the report is the same. Cancel and a failed task stop the rest.
import type { LayerRow } from '../../../shared/layers'
import type { WorkerPool } from '../pool/pool'
import { OrderedTasks } from '../pool/ordered-tasks'
import type { AnalysisPlan } from './analysis-plan'
import { ANALYZE_DEFAULTS, stepOf } from './analysis-plan'
import { newMerging } from './causes'
import { ckaOfCross } from './cka'
import type { LayerData } from './dumps'
import { gather, ownRow, type RowInputs } from './layer-row'
import type { LayerRowResult, LayerRowTask } from './layer-row-task'
import { keptWithin } from './metrics'

export interface PooledRun {
  pool?: WorkerPool
  /** polled while this thread waits for a row (cancel) */
  checkpoint?: () => Promise<void>
}

/**
 * Below this much work (layerWork) an analysis stays on the engine's thread: a few hundred ms on one
 * thread, about what handing the layers to the workers and back costs.
 */
export const MIN_POOLED_LAYER_WORK = 2e8

/** The rough cost of the rows after the input's, in multiply-adds: each row's kNN matrix (m^2 width, m = the
 * default subsample) and its passes over every point (pair distances, separability, sliced W2). */
export function layerWork(layers: Pick<LayerData, 'n' | 'width'>[], maxPoints = ANALYZE_DEFAULTS.maxPoints): number {
  const n = layers[0]?.n ?? 0
  const m = Math.min(n, maxPoints)
  return layers.slice(1).reduce((s, l) => s + l.width * (m * m + 64 * n), 0)
}

const canShare = typeof SharedArrayBuffer === 'function'

/** a copy of `a` in shared memory (a itself when it is there already, or when the runtime cannot share) */
function shared<T extends Float64Array | Int32Array>(a: T): T {
  if (!canShare || a.buffer instanceof SharedArrayBuffer) return a
  const copy = new (a.constructor as new (b: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength))
  copy.set(a)
  return copy
}

function sharedInputs(p: RowInputs): RowInputs {
  const { xc, w, selfNorm, gram } = p.inSide
  return {
    ...p,
    idx: shared(p.idx),
    pairs: shared(p.pairs),
    cloudIdx: p.cloudIdx ? shared(p.cloudIdx) : null,
    inKnn: shared(p.inKnn),
    inDist: shared(p.inDist),
    inSide: { xc: shared(xc), w, selfNorm, ...(gram ? { gram: shared(gram) } : {}) },
    ...(p.labels ? { labels: shared(p.labels) } : {})
  }
}

/** The analysis's rows, row 0 here and the others on `pool`; `between` is awaited after each row, in order. */
export async function pooledRows(
  plan: AnalysisPlan,
  layers: LayerData[],
  pool: WorkerPool,
  between: (layer: number, count: number) => Promise<void> | void,
  checkpoint?: () => Promise<void>
): Promise<LayerRow[]> {
  const L = layers.length
  const { m, k, idx } = plan.inputs
  const inputs = sharedInputs(plan.inputs)
  // tasks that read each layer: its own, and those whose update starts from it
  const readers = new Array<number>(L).fill(0)
  for (let l = 1; l < L; l++) {
    readers[l]++
    const from = stepOf(plan, layers, l)?.from
    if (from !== undefined) readers[from]++
  }
  const copies = new Map<number, Float64Array>()
  const dataOf = (j: number): Float64Array => {
    const data = layers[j].data
    if (!canShare || data.buffer instanceof SharedArrayBuffer) return data
    let copy = copies.get(j)
    if (!copy) copies.set(j, (copy = shared(data)))
    return copy
  }
  const release = (j: number): void => {
    if (--readers[j] === 0) copies.delete(j)
  }

  // task i computes row i + 1
  const tasks = new OrderedTasks<LayerRowResult>(pool, 'layer-row', L - 1, (i) => {
    const l = i + 1
    const step = stepOf(plan, layers, l)
    const task: LayerRowTask = {
      inputs,
      l,
      layer: { ...layers[l], data: dataOf(l) },
      step: step ? { ...step, prev: { width: step.prev.width, data: dataOf(step.from) } } : null,
      knn: l < L - 1,
      ...(l >= 2 ? { prev: { sub: gather(layers[l - 1].data, layers[l - 1].width, idx), width: layers[l - 1].width } } : {})
    }
    return {
      payload: task,
      ended: () => {
        release(l)
        if (step) release(step.from)
      }
    }
  })
  const rows: LayerRow[] = []
  try {
    // row 0 here while the workers compute the next rows
    const first = ownRow(plan.inputs, 0, layers[0], stepOf(plan, layers, 0), plan.input)
    rows.push(first.row)
    await between(0, L)
    let prev: LayerRowResult | undefined
    for (let l = 1; l < L; l++) {
      const r = await tasks.at(l - 1, checkpoint)
      const row = r.row
      if (l === 1) {
        // the previous layer is the input: its CKA and kNN kept are the row's own
        row.ckaToPrevious = row.ckaToInput
        row.mergingNew = newMerging(r.states, null)
        row.knnFromPrevious = row.knnPreservation
      } else {
        const before = prev as LayerRowResult
        row.ckaToPrevious = ckaOfCross(r.prevCross as number, before.selfNorm, r.selfNorm)
        row.mergingNew = newMerging(r.states, before.states)
        const sub = gather(layers[l].data, layers[l].width, idx)
        row.knnFromPrevious = keptWithin(before.knn as Int32Array, k, sub, m, layers[l].width, r.radii as Float64Array)
      }
      prev = r
      rows.push(row)
      await between(l, L)
    }
    return rows
  } finally {
    await tasks.stop()
    copies.clear()
  }
}
