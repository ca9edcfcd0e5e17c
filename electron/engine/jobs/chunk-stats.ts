// A transport chunk's solver counts added to the run's, whichever kernels integrated it (TF.js, the
// mixture kernel, onnxruntime): every chunk takes the same T/h steps of h, recorded once as what one
// trajectory cost, while the evaluations add up over chunks.
import type { SolverStats } from '../../../shared/run'
import type { SolverOptions } from '../solvers/types'

export function addChunkStats(stats: SolverStats, r: { nfe: number; acceptedSteps: number; rejectedSteps: number }, options: SolverOptions): void {
  stats.nfe += r.nfe
  stats.acceptedSteps += r.acceptedSteps
  stats.rejectedSteps += r.rejectedSteps
  if (options.solver !== 'dopri5') Object.assign(stats, { stepSize: options.stepSize, steps: r.acceptedSteps })
}
