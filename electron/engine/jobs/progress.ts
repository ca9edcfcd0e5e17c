// The shares of a run's progress bar that closed-form and trained runs have in common: transport ends
// at 85%, the per-depth metrics fill up to 97% one depth sample at a time (each with a cancel point),
// and writing the run folder takes the rest.
import { message } from '../../../shared/messages'
import type { JobContext } from './context'

export const PROGRESS_TRANSPORT = 0.85
export const PROGRESS_METRICS = 0.97

/** depthMetrics' onSample: the bar moves on after sample s of depths.length, then a cancel point */
export function metricsProgress(ctx: JobContext, depths: ArrayLike<number>): (s: number) => Promise<void> {
  const S = depths.length
  return async (s) => {
    ctx.progress(PROGRESS_TRANSPORT + ((PROGRESS_METRICS - PROGRESS_TRANSPORT) * (s + 1)) / S, depths[s], message('engine.progressMetrics'))
    await ctx.checkpoint()
  }
}
