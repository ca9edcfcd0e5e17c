// A pool of worker threads, each with its own TF.js backend, that runs tasks by kind (see tasks.ts).
// Workers start on first use and are kept; a queue holds tasks until a worker is free. Supervision: a
// worker that dies fails its task with the engine's usual crash message and is replaced on the next
// task, so the pool heals. Cancel: a queued task leaves the queue; a running one has its worker
// terminated (TF.js kernels cannot be interrupted any other way), and a fresh worker takes its place.
import { Worker, type Transferable } from 'node:worker_threads'
import { CancelledError, EngineError } from '../errors'
import type { ErrorCode } from '../../../shared/contract'
import { ERROR_CODES } from '../../../shared/contract'
import type { WorkerScript } from '../worker-script'
import type { PoolWorkerData, TaskFailure, WorkerReply } from './protocol'
import { message, MessageError, messageOf } from '../../../shared/messages'

export interface RunTaskOptions {
  signal?: AbortSignal
  /** buffers of the payload to move to the worker instead of copying */
  transfer?: Transferable[]
  onProgress?(value: unknown): void
}

export interface WorkerPoolOptions {
  size: number
  script: WorkerScript
  workerData?: PoolWorkerData
}

interface Task {
  id: number
  kind: string
  payload: unknown
  options: RunTaskOptions
  resolve(value: unknown): void
  reject(e: unknown): void
  /** removes the abort listener */
  detach(): void
}

interface Slot {
  worker?: Worker
  task?: Task
  /** the running task was cancelled: the worker's exit is expected */
  cancelling?: boolean
}

let nextId = 1

function rebuild(error: TaskFailure): Error {
  const code = error.code as ErrorCode | undefined
  if (code === 'cancelled') return new CancelledError()
  if (code && (ERROR_CODES as readonly string[]).includes(code)) return new EngineError(code, error.msg ?? message('engine.crashed', { reason: error.message }))
  // a plain error keeps its Message (if it had one) for toApiError to pass on
  return error.msg ? new MessageError(error.msg) : new Error(error.message)
}

export class WorkerPool {
  private readonly slots: Slot[] = []
  private readonly queue: Task[] = []
  private readonly script: WorkerScript
  private readonly workerData: PoolWorkerData
  private disposed = false
  /** workers started so far, replacements included (for tests and diagnostics) */
  started = 0

  constructor(options: WorkerPoolOptions) {
    this.script = options.script
    this.workerData = options.workerData ?? {}
    this.resize(options.size)
  }

  get size(): number {
    return this.slots.length
  }

  /** Change the number of workers; idle ones beyond the new size stop, busy ones finish their task first. */
  resize(size: number): void {
    const n = Math.max(1, Math.floor(size))
    while (this.slots.length < n) this.slots.push({})
    while (this.slots.length > n) {
      const slot = this.slots.pop() as Slot
      if (slot.task) this.retireAfter(slot)
      else void slot.worker?.terminate()
    }
    this.pump()
  }

  /** Run task `kind` on the next free worker; resolves to its result. */
  run<R>(kind: string, payload: unknown, options: RunTaskOptions = {}): Promise<R> {
    if (this.disposed) return Promise.reject(new EngineError('engine-crashed', message('engine.shutDown')))
    const { signal } = options
    if (signal?.aborted) return Promise.reject(new CancelledError())
    return new Promise<R>((resolve, reject) => {
      const onAbort = (): void => this.cancel(task)
      const task: Task = {
        id: nextId++,
        kind,
        payload,
        options,
        resolve: resolve as (v: unknown) => void,
        reject,
        detach: () => signal?.removeEventListener('abort', onAbort)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.queue.push(task)
      this.pump()
    })
  }

  /** Start every worker now (each loads its TF.js backend), so the first job does not wait for them. */
  warm(): void {
    for (const slot of this.slots) {
      if (slot.worker) continue
      slot.worker = this.spawn(slot)
      slot.worker.unref()
    }
  }

  /** Stop every worker; queued and running tasks fail as cancelled. */
  async dispose(): Promise<void> {
    this.disposed = true
    for (const t of this.queue.splice(0)) this.settle(t, new CancelledError())
    await Promise.all(
      this.slots.map(async (slot) => {
        slot.cancelling = true
        await slot.worker?.terminate()
      })
    )
  }

  private cancel(task: Task): void {
    const i = this.queue.indexOf(task)
    if (i >= 0) {
      this.queue.splice(i, 1)
      this.settle(task, new CancelledError())
      return
    }
    const slot = this.slots.find((s) => s.task === task)
    if (!slot?.worker) return
    slot.cancelling = true
    void slot.worker.terminate()
  }

  private settle(task: Task, error: unknown, value?: unknown): void {
    task.detach()
    if (error) task.reject(error)
    else task.resolve(value)
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue
      const task = this.queue.shift() as Task
      try {
        if (!slot.worker) slot.worker = this.spawn(slot)
        slot.task = task
        slot.worker.ref()
        slot.worker.postMessage({ id: task.id, kind: task.kind, payload: task.payload }, task.options.transfer)
      } catch (e) {
        slot.task = undefined
        this.settle(
          task,
          new EngineError('engine-crashed', message('engine.notStartedWhy', { detail: messageOf(e) ?? (e instanceof Error ? e.message : String(e)) }))
        )
      }
    }
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(this.script.path, { execArgv: this.script.execArgv, workerData: this.workerData })
    this.started++
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply))
    // an uncaught error ends the worker: the 'exit' handler fails its task
    worker.on('error', () => undefined)
    worker.on('exit', (code) => this.onExit(slot, worker, code))
    return worker
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    const task = slot.task
    if (!task || task.id !== reply.id) return
    if (reply.type === 'progress') {
      task.options.onProgress?.(reply.value)
      return
    }
    slot.task = undefined
    slot.worker?.unref()
    if (slot.cancelling) {
      // the task ended before the cancel's termination did: that worker is going, so the next task
      // must not be posted to it (its exit would fail that task as cancelled); this slot starts a fresh one
      slot.worker = undefined
      slot.cancelling = false
    }
    if (reply.type === 'done') this.settle(task, undefined, reply.result)
    else this.settle(task, rebuild(reply.error))
    this.pump()
  }

  private onExit(slot: Slot, worker: Worker, code: number): void {
    if (slot.worker !== worker) return
    slot.worker = undefined
    const task = slot.task
    slot.task = undefined
    const cancelled = slot.cancelling === true
    slot.cancelling = false
    if (task) {
      const reason = message('pool.threadExited', { code })
      this.settle(task, cancelled ? new CancelledError() : new EngineError('engine-crashed', message('engine.crashed', { reason })))
    }
    // the pool heals: the next task starts a fresh worker in this slot
    if (!this.disposed) this.pump()
  }

  /** a slot removed by resize while busy: its worker stops once its task has ended */
  private retireAfter(slot: Slot): void {
    const worker = slot.worker
    if (!worker) return
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type !== 'progress') void worker.terminate()
    })
  }
}
