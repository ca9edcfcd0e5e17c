// The worker side of the pool: receives one task at a time, runs the handler its kind names and answers
// with progress notes and one 'done' or 'failed'. A handler that throws fails only its task; a worker
// that dies (out of memory, a native abort) is the pool's to notice and replace.
import { parentPort, type Transferable } from 'node:worker_threads'
import type { TaskFailure, TaskMessage, WorkerReply } from './protocol'
import { messageOf } from '../../../shared/messages'

/** what a handler returns: its result and the buffers to move (not copy) back */
export interface HandlerResult {
  result: unknown
  transfer?: Transferable[]
}

export type TaskHandler = (payload: never, report: (progress: unknown) => void) => HandlerResult | Promise<HandlerResult>

function failureOf(e: unknown): TaskFailure {
  const code = (e as { code?: unknown } | null)?.code
  const message = e instanceof Error ? e.message : String(e)
  const msg = messageOf(e)
  // only an EngineError's code crosses: Node's errno codes ('ENOENT') are not API codes
  const failure: TaskFailure = msg ? { message, msg } : { message }
  return e instanceof Error && e.name === 'EngineError' && typeof code === 'string' ? { ...failure, code } : failure
}

/** Serve `handlers` on this worker's parent port; `ready` (e.g. the backend's start) is awaited first. */
export function serveTasks(handlers: Record<string, TaskHandler>, ready: Promise<unknown> = Promise.resolve()): void {
  const port = parentPort
  if (!port) throw new Error('serveTasks runs in a worker thread')
  const post = (reply: WorkerReply, transfer?: Transferable[]): void => port.postMessage(reply, transfer)
  port.on('message', (msg: TaskMessage) => {
    void (async () => {
      try {
        await ready
        const handler = handlers[msg.kind]
        if (!handler) throw new Error(`no pool task "${msg.kind}"`)
        const out = await handler(msg.payload as never, (value) => post({ id: msg.id, type: 'progress', value }))
        post({ id: msg.id, type: 'done', result: out.result }, out.transfer)
      } catch (e) {
        post({ id: msg.id, type: 'failed', error: failureOf(e) })
      }
    })()
  })
}
