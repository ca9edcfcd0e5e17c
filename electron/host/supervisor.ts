// Parent side of the host protocol: an EngineService that forwards calls to a child (utility process
// or worker thread) and supervises it. If the child dies, pending calls resolve to engine-crashed,
// running jobs get a 'failed' event with the reason, and the next call starts a fresh child.
import { fail, type EngineService, type JobEvent, type Method, type RequestOf, type ResponseOf, type Result } from '../../shared/contract'
import type { LogSink } from '../engine/logs/rotating-log'
import { crashError, isDisposed, isHostEvent, isReply, type ParentMessage } from './protocol'
import { english, message, type MessageParam } from '../../shared/messages'

/** Callbacks the spawner wires to the child before it can emit anything. */
export interface ChannelHandlers {
  message(message: unknown): void
  /** the child is gone; reason is a Message (exit code, last error) or, from a test's fake child, a word */
  exit(reason: MessageParam): void
}

export interface EngineChannel {
  send(message: ParentMessage): void
  /** force the child down; exit() must still be reported through the handlers */
  kill(): void
}

export type SpawnEngine = (handlers: ChannelHandlers) => EngineChannel

export interface SupervisorOptions {
  /** how long dispose waits for the child to finish its own cleanup before killing it */
  disposeTimeoutMs?: number
  /** the parent's log: crashes of the child are recorded here (the child cannot log its own death) */
  log?: LogSink
}

interface Pending {
  method: string
  resolve(result: Result<unknown>): void
}

interface Child {
  channel: EngineChannel
  pending: Map<number, Pending>
  running: Set<string>
  gone: boolean
  onGone: (() => void)[]
}

const TERMINAL = new Set(['done', 'failed', 'cancelled'])

export function createProcessEngineService(spawn: SpawnEngine, options: SupervisorOptions = {}): EngineService {
  const listeners = new Set<(event: JobEvent) => void>()
  let child: Child | null = null
  let nextId = 1
  let disposed = false

  const emit = (event: JobEvent): void => {
    for (const listener of [...listeners]) {
      try {
        listener(event)
      } catch {
        // one faulty listener must not starve the others
      }
    }
  }

  const onMessage = (c: Child, message: unknown): void => {
    if (isReply(message)) {
      const p = c.pending.get(message.id)
      if (!p) return
      c.pending.delete(message.id)
      const r = message.result
      if (p.method === 'runs.start' && r.ok) {
        const jobId = (r.value as { jobId?: unknown } | null)?.jobId
        if (typeof jobId === 'string') c.running.add(jobId)
      }
      p.resolve(r)
    } else if (isHostEvent(message)) {
      const e = message.event
      if (TERMINAL.has(e.type)) c.running.delete(e.jobId)
      else c.running.add(e.jobId)
      emit(e)
    } else if (isDisposed(message)) c.channel.kill()
  }

  const onExit = (c: Child, reason: MessageParam): void => {
    if (c.gone) return
    c.gone = true
    if (child === c) child = null
    const error = disposed ? { code: 'engine-crashed' as const, message: message('engine.shutDownWhy', { reason }) } : crashError(reason)
    const safeLog: LogSink = (entry) => {
      try {
        options.log?.(entry)
      } catch {
        // logging must not stop the crash handling
      }
    }
    if (!disposed)
      safeLog({ level: 'error', event: 'engine-crashed', code: 'engine-crashed', message: typeof reason === 'object' ? english(reason) : String(reason) })
    const pending = [...c.pending.values()]
    c.pending.clear()
    for (const p of pending) p.resolve({ ok: false, error })
    const running = [...c.running]
    c.running.clear()
    for (const jobId of running) {
      if (!disposed) safeLog({ level: 'error', event: 'job-failed', jobId, code: error.code, message: english(error.message) })
      emit({ jobId, type: 'failed', error })
    }
    for (const f of c.onGone) f()
  }

  const start = (): Child => {
    const c: Child = { channel: undefined as unknown as EngineChannel, pending: new Map(), running: new Set(), gone: false, onGone: [] }
    c.channel = spawn({ message: (m) => onMessage(c, m), exit: (reason) => onExit(c, reason) })
    return c
  }

  const call = async <M extends Method>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>> => {
    if (disposed) return fail('engine-crashed', message('engine.shutDown'))
    let c: Child
    try {
      c = child ?? (child = start())
    } catch (e) {
      return fail('engine-crashed', message('engine.notStartedWhy', { detail: e instanceof Error ? e.message : String(e) }))
    }
    if (c.gone) {
      // the child died while being spawned (reported synchronously): try again on the next call
      if (child === c) child = null
      return fail('engine-crashed', message('engine.notStarted'))
    }
    const id = nextId++
    return new Promise<Result<ResponseOf<M>>>((resolve) => {
      c.pending.set(id, { method, resolve: resolve as (r: Result<unknown>) => void })
      try {
        c.channel.send({ id, method, request })
      } catch (e) {
        c.pending.delete(id)
        resolve(fail('internal', message('engine.requestNotSent', { detail: e instanceof Error ? e.message : String(e) })))
      }
    })
  }

  const dispose = async (): Promise<void> => {
    if (disposed) return
    disposed = true
    const c = child
    if (!c || c.gone) return
    await new Promise<void>((resolve) => {
      c.onGone.push(resolve)
      const timer = setTimeout(() => c.channel.kill(), options.disposeTimeoutMs ?? 5000)
      c.onGone.push(() => clearTimeout(timer))
      try {
        c.channel.send({ control: 'dispose' })
      } catch {
        c.channel.kill()
      }
    })
  }

  return {
    call,
    onEvent(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    dispose
  }
}
