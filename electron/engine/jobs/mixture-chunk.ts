// The CPU kernel's place in transport(): fields whose recipe is a closed-form Gaussian mixture (the
// continuous DAE) under a fixed-step solver run through kernels/mixture-kernel.ts instead of TF.js, chunk by
// chunk as fieldChunk does, with the same statistics, progress and cancel points. Pool workers call
// transport() on their shard, so they take the same path. Adaptive dopri5, other fields and an injected
// integrator (tests) stay on TF.js.
import type { SolverStats } from '../../../shared/run'
import type { MixtureDef } from '../../../shared/presets'
import { integrateMixture } from '../kernels/mixture-kernel'
import { continuousDaeSlots } from '../kernels/mixture-table'
import { integrate } from '../solvers/integrate'
import type { TransportInput, TransportOutput } from './transport'
import { addChunkStats } from './chunk-stats'
import { stepProgress } from './progress'

/** the mixture whose score the kernel can integrate for this input, or null (TF.js path) */
export function kernelMixture(input: TransportInput): MixtureDef | null {
  if (input.flow.type !== 'field' || input.integrate !== integrate || input.solverOptions.solver === 'dopri5') return null
  const recipe = input.flow.field.recipe
  return recipe?.kind === 'continuous-dae' && input.flow.field.referenceRows === 0 ? recipe.mixture : null
}

export async function mixtureChunk(
  mix: MixtureDef,
  input: TransportInput,
  dest: TransportOutput,
  first: number,
  m: number,
  stats: SolverStats,
  report: (done: number, depth: number) => void
): Promise<void> {
  const { positions, dim, depths, ctx, solverOptions } = input
  if (solverOptions.solver === 'dopri5') throw new Error('the mixture kernel has fixed-step solvers only')
  const r = await integrateMixture(
    continuousDaeSlots(mix),
    positions.subarray(first * dim, (first + m) * dim),
    depths,
    solverOptions,
    { out: dest.array, n: dest.count, first: dest.first + first },
    { onStep: stepProgress(ctx, depths, report) }
  )
  addChunkStats(stats, { ...r, rejectedSteps: 0 }, solverOptions)
}
