// One entropic OT problem laid out in a shared WebAssembly memory: the clouds, the kernel (float64, plus
// the float32 copy the products read), the potentials and scalings, and per-thread partial sums. Its
// passes (ops.ts) split the rows between the calling thread and helper threads
// (threads.ts) and merge the partial results; with one thread everything runs here.
import { makeJsKernels } from './js-kernels'
import { makeOps, pickKernels, type OpName, type Ops, type OpsViews, type WasmKernels } from './ops'
import { helpers, OP_CODES, threadsFor, type Helper } from './threads'
import { sharedWasm as wasm, viewsOf, type SharedLayout } from './views'
import { MAX_SHARED_PAGES, sharedKernelModule } from './wasm'
import { message, MessageError } from '../../../../shared/messages'

export interface ProblemOptions {
  /** kernel stored in float32 for the products (see SinkhornOptions.kernelPrecision) */
  float32: boolean
  /** threads including this one (default: threadsFor(n m)) */
  threads?: number
  /** tests: the plain-JS kernel products even where WebAssembly SIMD runs */
  plainKernels?: boolean
}

export class SharedProblem {
  readonly V: OpsViews
  readonly threads: number
  private readonly ops: Ops
  private readonly helpers: Helper[]
  private readonly params = new Float64Array(8)
  private released = false
  /** the kernel products (byte addresses into the shared memory), wasm SIMD or plain JS */
  readonly kernels: WasmKernels

  constructor(x: Float64Array, n: number, y: Float64Array, m: number, d: number, options: ProblemOptions) {
    const { float32 } = options
    const mod = options.plainKernels ? null : sharedKernelModule()
    const wanted = options.threads ?? threadsFor(n * m)
    const cols = Math.max(n, m)
    // the kernel the products read sits at address 0 (the wasm kernels take its byte address per row)
    let at = 0
    const take = (bytes: number): number => {
      const o = at
      at += Math.ceil(bytes / 16) * 16
      return o
    }
    const K32 = float32 ? take(4 * n * m) : -1
    const K = take(8 * n * m)
    const layout: SharedLayout = {
      n,
      m,
      d,
      cols,
      K,
      K32,
      x: take(8 * n * d),
      yt: take(8 * m * d),
      f: take(8 * n),
      g: take(8 * m),
      u: take(8 * n),
      v: take(8 * m),
      bv: take(8 * m),
      au: take(8 * n),
      r: take(8 * n),
      scratch: [],
      colA: [],
      colB: [],
      out: []
    }
    for (let t = 0; t < wanted; t++) {
      layout.scratch.push(take(8 * m))
      layout.colA.push(take(8 * cols))
      layout.colB.push(take(8 * cols))
      layout.out.push(take(8 * 4))
    }
    const pages = Math.max(1, Math.ceil(at / 65536))
    if (pages > MAX_SHARED_PAGES) throw new MessageError(message('engine.sinkhornTooLarge', { n, m }))
    // without wasm SIMD: a SharedArrayBuffer and the plain-JS products, same layout
    const memory = mod ? new wasm.Memory({ initial: pages, maximum: pages, shared: true }) : null
    const buffer = memory ? memory.buffer : new SharedArrayBuffer(pages * 65536)
    this.V = viewsOf(buffer, layout)
    this.V.x.set(x.subarray(0, n * d))
    for (let j = 0; j < m; j++) for (let k = 0; k < d; k++) this.V.yt[k * m + j] = y[j * d + k]
    if (mod && memory) {
      const e = new wasm.Instance(mod, { env: { mem: memory } }).exports
      this.kernels = pickKernels(e, float32)
    } else this.kernels = makeJsKernels(buffer, float32)
    this.ops = makeOps(this.V, this.kernels)
    // helpers that fail to attach are dropped; the rows are then split among fewer threads
    const attached: Helper[] = []
    for (const [i, h] of helpers(wanted - 1).entries()) {
      try {
        h.attach(memory ?? buffer, mod, layout, i + 1)
        attached.push(h)
      } catch {
        break
      }
    }
    this.helpers = attached
    this.threads = attached.length + 1
  }

  /** Run an op over all rows: helper t takes its share, this thread the first; returns when all are done. */
  run(op: OpName, ...p: number[]): void {
    const { n } = this.V
    const T = this.threads
    this.params.fill(0)
    this.params.set(p)
    const bound = (t: number): number => Math.floor((t * n) / T)
    for (let t = 1; t < T; t++) this.helpers[t - 1].start(OP_CODES[op], bound(t), bound(t + 1), this.params)
    this.ops[op](0, 0, bound(1), this.params)
    for (let t = 1; t < T; t++) this.helpers[t - 1].await()
  }

  /** sum of a per-thread column array into `into` (length len) */
  sumColumns(which: 'colA' | 'colB', len: number, into: Float64Array): void {
    const parts = this.V[which]
    into.set(parts[0].subarray(0, len))
    for (let t = 1; t < this.threads; t++) {
      const q = parts[t]
      for (let j = 0; j < len; j++) into[j] += q[j]
    }
  }

  /** sum over threads of scalar result k */
  sumOut(k: number): number {
    let s = 0
    for (let t = 0; t < this.threads; t++) s += this.V.out[t][k]
    return s
  }

  /** hand the helpers back to the pool; the problem's memory is then this thread's alone */
  release(): void {
    if (this.released) return
    this.released = true
    for (const h of this.helpers) h.release()
  }
}
