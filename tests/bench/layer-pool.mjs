// Benchmark: the per-layer metrics of a layer analysis (analyzeLayersAsync, as layers.start and `nagare
// analyze` run them) on a realistic recording, at 1 and 2 threads (BENCH_THREADS): 1 is the engine thread
// alone, 2 and more the engine's worker pool with that many workers. The recording: N = 20,000 points
// (BENCH_N) through 8 rows (input width 16, then 64, 128, 256, 512, 512, 256, 64; the 512 pair a residual
// stretch), seeded, labelled with 5 classes; the analysis's defaults (kNN / CKA on 2,000 points, 20,000
// pairs, sliced W2 on every point). Each thread count runs in its own process, so each line's peak memory
// is its own; lines carry the load average (the machine is shared) and the process's CPU time (workers
// included). The shift against a second recording (same widths, another seed) is timed the same way, and
// at one thread the PCA (the step of analyzeAndProject that stays on the engine thread).
import { spawnSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { emit } from './util.mjs'

const N = Number(process.env.BENCH_N ?? 20_000)
const THREADS = (process.env.BENCH_THREADS ?? '1,2').split(',').map(Number)
const WIDTHS = [16, 64, 128, 256, 512, 512, 256, 64]
/** BENCH_SHIFT=0: the rows only (no shift, no PCA), for repeated thread counts (BENCH_THREADS=1,2,1,2) on a busy machine */
const WITH_SHIFT = process.env.BENCH_SHIFT !== '0'
const load = () => loadavg().map((x) => +x.toFixed(2))

/** the recording: a 16-D latent state moved layer by layer, each row a tanh feature map of it (a residual update where the width stays) */
function recording(createRng, layerValuesOf, seed) {
  const rng = createRng(seed)
  const d = 16
  let z = Float64Array.from({ length: N * d }, (_, i) => rng.normal() + 3 * ((Math.floor(i / d) % 5) - 2) * (i % d === 0 ? 1 : 0))
  const layers = [{ name: 'input', n: N, width: d, data: z }]
  for (let l = 1; l < WIDTHS.length; l++) {
    const w = WIDTHS[l]
    const mix = Float64Array.from({ length: d * d }, () => rng.normal() / Math.sqrt(d))
    const next = new Float64Array(N * d)
    for (let i = 0; i < N; i++)
      for (let j = 0; j < d; j++) {
        let s = 0
        for (let a = 0; a < d; a++) s += z[i * d + a] * mix[a * d + j]
        next[i * d + j] = z[i * d + j] + 0.5 * Math.tanh(s)
      }
    z = next
    const map = Float64Array.from({ length: d * w }, () => rng.normal() / Math.sqrt(d))
    const prev = layers[l - 1]
    const x = new Float64Array(N * w)
    for (let i = 0; i < N; i++)
      for (let j = 0; j < w; j++) {
        let s = 0
        for (let a = 0; a < d; a++) s += z[i * d + a] * map[a * w + j]
        x[i * w + j] = (prev.width === w ? prev.data[i * w + j] : 0) + Math.tanh(s)
      }
    layers.push({ name: l === WIDTHS.length - 1 ? 'features' : `dense_${l}`, n: N, width: w, data: x })
  }
  // in shared memory, as the recorders and dump readers leave a layer (dumps.ts layerValues)
  return layers.map((l) => ({ ...l, data: layerValuesOf(l.data) }))
}

/** wall and CPU seconds of `f` (CPU: this process, its worker threads included) */
async function timed(f) {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const value = await f()
  const c = process.cpuUsage(c0)
  return { value, seconds: +((performance.now() - t0) / 1000).toFixed(2), cpu_s: +((c.user + c.system) / 1e6).toFixed(2) }
}

async function ours(threads) {
  // plain imports under --import tsx (tsImport would hide the engine's __dirname, where its pool finds its worker)
  const { initBackend } = await import('../../electron/engine/backend.ts')
  const { createRng } = await import('../../electron/engine/sampling/random.ts')
  const { layerValuesOf } = await import('../../electron/engine/layers/dumps.ts')
  const { analyzeLayersAsync } = await import('../../electron/engine/layers/analyze.ts')
  const { shiftByLayer } = await import('../../electron/engine/layers/shift.ts')
  const { pooledShift } = await import('../../electron/engine/layers/pooled-shift.ts')
  const { fitLayerPca } = await import('../../electron/engine/layers/pca.ts')
  const { enginePool, disposeEnginePool } = await import('../../electron/engine/pool/engine-pool.ts')
  await initBackend('wasm')
  const layers = recording(createRng, layerValuesOf, 1)
  const labels = Int32Array.from({ length: N }, (_, i) => i % 5)
  const pool = enginePool(threads)
  // as the app does at start: the workers load their backends before the first job
  pool?.warm()
  if (pool) await new Promise((r) => setTimeout(r, 3000))
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const rows = await timed(() => analyzeLayersAsync(layers, { labels }, () => {}, pool ? { pool } : {}))
  const rowsPeak = Math.max(peak, process.memoryUsage().rss)
  const other = WITH_SHIFT ? recording(createRng, layerValuesOf, 2) : undefined
  const shift = other
    ? await timed(() => (pool ? pooledShift(layers, other, { seed: 7 }, pool) : shiftByLayer(layers, other, { seed: 7 })))
    : { value: { rows: [] }, seconds: null, cpu_s: null }
  clearInterval(timer)
  const line = {
    bench: 'layer-pool',
    kind: 'layer-rows',
    threads,
    N,
    widths: WIDTHS,
    seconds: rows.seconds,
    cpu_s: rows.cpu_s,
    peak_rss_mib: Math.round(rowsPeak / 2 ** 20),
    layers_mib: Math.round(layers.reduce((s, l) => s + l.data.byteLength, 0) / 2 ** 20),
    shift_s: shift.seconds,
    shift_cpu_s: shift.cpu_s,
    loadavg: load()
  }
  // the PCA stays on the engine thread whatever the threads: timed once
  const pca = threads === 1 && WITH_SHIFT ? await timed(() => fitLayerPca(layers, { seed: 7 })) : undefined
  const check = [rows.value.rows.map((r) => r.knnFromPrevious), shift.value.rows.map((r) => r.energy)]
  process.stdout.write(JSON.stringify({ ...line, ...(pca ? { pca_s: pca.seconds, pca_cpu_s: pca.cpu_s } : {}), check }) + '\n')
  await disposeEnginePool()
}

if (process.argv[2] === '--ours') {
  await ours(Number(process.argv[3]))
} else {
  const lines = []
  for (const t of THREADS) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--ours', String(t)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit']
    })
    if (r.status !== 0) throw new Error(`layer-pool bench at ${t} threads exited with ${r.status}`)
    lines.push(JSON.parse(r.stdout.trim().split('\n').at(-1)))
  }
  const base = lines[0]
  for (const { check, ...line } of lines) {
    // the same numbers at every thread count (an entry read against the previous layer, and the shift's energy, as spot checks)
    const same = JSON.stringify(check) === JSON.stringify(base.check)
    emit({
      ...line,
      speedup: +(base.seconds / line.seconds).toFixed(2),
      // the cores the rows actually had (CPU seconds per wall second): on a shared machine, what bounds the speed-up
      cores_busy: +(line.cpu_s / line.seconds).toFixed(2),
      ...(WITH_SHIFT ? { shift_speedup: +(base.shift_s / line.shift_s).toFixed(2) } : {}),
      same_as_first: same
    })
  }
}
