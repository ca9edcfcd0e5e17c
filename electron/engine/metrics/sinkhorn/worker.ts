// A Sinkhorn helper thread (started by threads.ts): it attaches to a problem's shared memory, then runs
// the ops the caller names on the rows it names, synchronised through Atomics on a small control block
// (see threads.ts for its layout), until the caller releases the problem.
import { parentPort, workerData } from 'node:worker_threads'
import { makeJsKernels } from './js-kernels'
import { makeOps, pickKernels, type OpName, type WasmKernels } from './ops'
import { sharedWasm, viewsOf, type SharedLayout } from './views'

interface AttachMessage {
  /** a shared wasm Memory when `module` is given, else a SharedArrayBuffer */
  memory: { buffer: SharedArrayBuffer } | SharedArrayBuffer
  module: object | null
  layout: SharedLayout
  thread: number
  seq: number
}

const ctl = new Int32Array(workerData.ctl as SharedArrayBuffer)
const params = new Float64Array(workerData.params as SharedArrayBuffer)
const NAMES: OpName[] = ['colMax', 'colExp', 'rowPass', 'plan']

function finish(seen: number): void {
  Atomics.store(ctl, 1, seen)
  Atomics.notify(ctl, 1)
}

parentPort?.on('message', (msg: AttachMessage) => {
  let seen = msg.seq
  try {
    const buffer = msg.memory instanceof SharedArrayBuffer ? msg.memory : msg.memory.buffer
    const V = viewsOf(buffer, msg.layout)
    let kernels: WasmKernels
    if (msg.module) {
      const e = new sharedWasm.Instance(msg.module, { env: { mem: msg.memory } }).exports
      kernels = pickKernels(e, V.K32 !== null)
    } else kernels = makeJsKernels(buffer, V.K32 !== null)
    const ops = makeOps(V, kernels)
    finish(seen)
    for (;;) {
      Atomics.wait(ctl, 0, seen)
      seen = Atomics.load(ctl, 0)
      const op = ctl[2]
      if (op < 0) break
      try {
        ops[NAMES[op]](msg.thread, ctl[3], ctl[4], params)
      } catch {
        ctl[5] = 1
      }
      finish(seen)
    }
  } catch {
    ctl[5] = 1
  }
  finish(seen)
})
