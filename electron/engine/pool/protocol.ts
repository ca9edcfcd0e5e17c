// The messages between the engine's worker pool (pool.ts) and a pool worker (serve-tasks.ts): one task
// at a time per worker, answered by progress notes and exactly one 'done' or 'failed'.
import type { Message } from '../../../shared/messages'

/** pool -> worker: run handler `kind` on `payload` */
export interface TaskMessage {
  id: number
  kind: string
  payload: unknown
}

/** what crosses back for a failed task: enough to rebuild an EngineError with its code and Message */
export interface TaskFailure {
  /** English, for logs */
  message: string
  /** the error's Message when it carried one */
  msg?: Message
  /** an EngineError's API code; absent for plain errors (they become 'internal') */
  code?: string
}

export type WorkerReply =
  | { id: number; type: 'progress'; value: unknown }
  | { id: number; type: 'done'; result: unknown }
  | { id: number; type: 'failed'; error: TaskFailure }

/** workerData every pool worker starts with */
export interface PoolWorkerData {
  /** the TF.js backend the engine runs on, so every worker computes with the same kernels */
  backend?: string
}
