// The shares of a run's progress bar that closed-form and trained runs have in common: transport ends
// at 85% (each chunk reporting its solver's steps, with a cancel point), the per-depth metrics fill up
// to 97% one depth sample at a time (each with a cancel point), and writing the run folder takes the rest.
import { message } from '../../../shared/messages'
import type { JobContext } from './context'

export const PROGRESS_TRANSPORT = 0.85
export const PROGRESS_METRICS = 0.97

/**
 * A solver's onStep for one chunk of transport: the chunk's share done is depth t over the last depth,
 * reported with t, then a cancel point (the TF.js, onnxruntime and mixture-kernel paths alike).
 */
export function stepProgress(ctx: JobContext, depths: ArrayLike<number>, report: (done: number, depth: number) => void): (t: number) => Promise<void> {
  const T = depths[depths.length - 1]
  return async (t) => {
    report(T > 0 ? t / T : 1, t)
    await ctx.checkpoint()
  }
}

/** depthMetrics' onSample: the bar moves on after sample s of depths.length, then a cancel point */
export function metricsProgress(ctx: JobContext, depths: ArrayLike<number>): (s: number) => Promise<void> {
  const S = depths.length
  return async (s) => {
    ctx.progress(PROGRESS_TRANSPORT + ((PROGRESS_METRICS - PROGRESS_TRANSPORT) * (s + 1)) / S, depths[s], message('engine.progressMetrics'))
    await ctx.checkpoint()
  }
}
