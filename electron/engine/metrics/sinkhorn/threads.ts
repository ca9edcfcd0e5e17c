// Helper threads for the row-parallel Sinkhorn passes (ops.ts). Each helper is a worker running
// worker.ts, kept for the life of the process (unref'd: it never holds the process open), and
// driven through Atomics on a small shared control block: one pass costs a store, a notify and a wait,
// microseconds, where a postMessage round trip would cost a turn of both event loops.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { OpName } from './ops'
import type { SharedLayout } from './views'
import { workerScript } from '../../worker-script'
import { message, MessageError } from '../../../../shared/messages'

export const OP_CODES: Record<OpName, number> = { colMax: 0, colExp: 1, rowPass: 2, plan: 3 }
const RELEASE = -1
/** control block: [0] sequence the caller raises, [1] sequence the helper finished, [2] op, [3] i0, [4] i1, [5] error flag */
const CTL_INTS = 8
/** an op on at most 2^27 kernel entries takes well under a second; past this the helper is presumed lost */
const WAIT_MS = 30_000

class Helper {
  readonly ctl = new Int32Array(new SharedArrayBuffer(4 * CTL_INTS))
  readonly params = new Float64Array(new SharedArrayBuffer(8 * 8))
  private readonly worker: Worker
  private seq = 0

  constructor() {
    const script = workerScript('sinkhorn-worker', __dirname, 'worker.ts')
    this.worker = new Worker(script.path, { execArgv: script.execArgv, workerData: { ctl: this.ctl.buffer, params: this.params.buffer } })
    this.worker.unref()
    // a helper that fails is noticed by its error flag or the wait timeout; keep the process alive
    this.worker.on('error', () => undefined)
  }

  /** hand the helper a problem's memory (a shared wasm Memory with its module, or a SharedArrayBuffer and null); returns once it is ready */
  attach(memory: object, module: object | null, layout: SharedLayout, thread: number): void {
    this.seq++
    Atomics.store(this.ctl, 0, this.seq)
    this.ctl[5] = 0
    this.worker.postMessage({ memory, module, layout, thread, seq: this.seq })
    this.await()
  }

  /** start an op on rows [i0, i1) without waiting */
  start(op: number, i0: number, i1: number, params: Float64Array): void {
    this.params.set(params)
    this.ctl[2] = op
    this.ctl[3] = i0
    this.ctl[4] = i1
    Atomics.store(this.ctl, 0, ++this.seq)
    Atomics.notify(this.ctl, 0)
  }

  /** wait until the helper finished the last op (or the attach) */
  await(): void {
    const deadline = Date.now() + WAIT_MS
    for (;;) {
      const done = Atomics.load(this.ctl, 1)
      if (done === this.seq) break
      if (Date.now() > deadline) throw new MessageError(message('engine.sinkhornThreadSilent'))
      Atomics.wait(this.ctl, 1, done, 1000)
    }
    if (this.ctl[5] !== 0) throw new MessageError(message('engine.sinkhornThreadFailed'))
  }

  /** end the problem: the helper drops its views and goes back to waiting for messages */
  release(): void {
    this.start(RELEASE, 0, 0, new Float64Array(0))
    this.await()
  }
}

const pool: Helper[] = []

/**
 * Threads to use for a kernel of `entries` entries, the caller's included: all cores up to 4 for
 * kernels of at least 2^18 entries, one below (the start-up and per-pass synchronisation would cost
 * more than they save). NAGARE_SINKHORN_THREADS overrides (1 turns the helpers off).
 */
export function threadsFor(entries: number): number {
  const env = Number(process.env.NAGARE_SINKHORN_THREADS)
  if (Number.isInteger(env) && env >= 1) return Math.min(env, 8)
  if (entries < 2 ** 18) return 1
  return Math.max(1, Math.min(availableParallelism(), 4))
}

/** `count` helper threads (created on first use, then reused); fewer if threads cannot start here. */
export function helpers(count: number): Helper[] {
  while (pool.length < count) {
    try {
      pool.push(new Helper())
    } catch {
      break
    }
  }
  return pool.slice(0, count)
}

export type { Helper }
