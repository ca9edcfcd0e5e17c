// What a running job sees: a cancellation point that also yields to the event loop (so a cancel
// message can arrive while the job computes), and a progress reporter. Shared by the job manager and the CLI.
import { CancelledError } from '../errors'
import type { Message } from '../../../shared/messages'
import type { TrainingProgress } from '../../../shared/job-progress'

/** the phase as a Message, and a training's epoch numbers while it trains */
export type ProgressListener = (fraction: number, depth?: number, message?: Message, training?: TrainingProgress) => void

export interface JobContext {
  /** throws CancelledError once cancellation was requested; yields to the event loop every ~20 ms */
  checkpoint(): Promise<void>
  /** fraction in [0, 1]; depth reached, when meaningful; the phase; the last epoch's numbers while training */
  progress(fraction: number, depth?: number, message?: Message, training?: TrainingProgress): void
  readonly cancelled: boolean
}

/** how long a job may compute before it yields to the event loop */
export const YIELD_EVERY_MS = 20

const yieldToLoop = (): Promise<void> => new Promise((r) => setImmediate(r))

export function createJobContext(signal: AbortSignal, onProgress: ProgressListener = () => {}): JobContext {
  let lastYield = Date.now()
  return {
    get cancelled() {
      return signal.aborted
    },
    async checkpoint() {
      if (signal.aborted) throw new CancelledError()
      if (Date.now() - lastYield >= YIELD_EVERY_MS) {
        await yieldToLoop()
        lastYield = Date.now()
        if (signal.aborted) throw new CancelledError()
      }
    },
    progress(fraction, depth, message, training) {
      onProgress(Math.min(1, Math.max(0, fraction)), depth, message, training)
    }
  }
}
