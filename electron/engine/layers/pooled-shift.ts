// The shift of a layer analysis (shift.ts) on the engine's worker pool: each layer's distances between
// its reference and compare clouds are one 'shift-row' task, a few in flight at a time
// (pool/ordered-tasks.ts); the ratios and the summary are made here from the layers' parts in order. A
// task gets only its two subsamples (at most maxPoints rows each), moved rather than copied. The same
// code per layer as on one thread (shiftLayer), its generators forked by label: the same result.
import type { HandlerResult } from '../pool/serve-tasks'
import { OrderedTasks } from '../pool/ordered-tasks'
import type { WorkerPool } from '../pool/pool'
import type { LayerData } from './dumps'
import { finishShift, planShift, shiftClouds, shiftLayer, type ShiftOptions, type ShiftPlan, type ShiftResult } from './shift'

export interface ShiftRowTask {
  plan: ShiftPlan
  l: number
  name: string
  width: number
  x: Float64Array
  y: Float64Array
}

type ShiftRowResult = ReturnType<typeof shiftLayer>

/** the worker's side */
export function shiftRowTask(task: ShiftRowTask): HandlerResult {
  return { result: shiftLayer(task.plan, task.l, task.name, task.width, task.x, task.y) }
}

/** shiftByLayer with each layer's part on `pool`; `checkpoint` is polled while this thread waits. */
export async function pooledShift(
  ref: LayerData[],
  cmp: LayerData[],
  options: ShiftOptions,
  pool: WorkerPool,
  checkpoint?: () => Promise<void>
): Promise<ShiftResult> {
  const plan = planShift(ref, cmp, options)
  const tasks = new OrderedTasks<ShiftRowResult>(pool, 'shift-row', ref.length, (l) => {
    const { x, y } = shiftClouds(plan, ref[l], cmp[l])
    // fresh subsamples move to the worker; a whole layer (no more rows than maxPoints) is copied
    const transfer = [x, y].filter((a, i) => a !== [ref[l], cmp[l]][i].data).map((a) => a.buffer as ArrayBuffer)
    const task: ShiftRowTask = { plan, l, name: ref[l].name, width: ref[l].width, x, y }
    return { payload: task, transfer }
  })
  try {
    const parts: ShiftRowResult[] = []
    for (let l = 0; l < ref.length; l++) parts.push(await tasks.at(l, checkpoint))
    return finishShift(
      plan,
      parts.map((p) => p.raw),
      parts.map((p) => p.farthest)
    )
  } finally {
    await tasks.stop()
  }
}
