// Benchmark: the engine's worker pool, 1 and 2 threads (BENCH_THREADS), beside PyTorch on the same thread
// count. Workloads: the learned field (issue 3's: R^3 plus t, two hidden layers of 64 tanh) through RK4 20
// steps at N = 4,096 / 65,536 as the runner transports it; an Euler 20-step Adam training step at batch
// 4,096 / 65,536; the paper's (47) continuous DAE with 1,000,000 particles as the GUI runs it (spec,
// transport, metrics, run folder written). Every line carries os.loadavg() (the machine is shared) and the
// workload's peak resident memory; the scaling curve per workload, the ratios against the peer, and the
// learned field's GFLOP/s against the measured single-thread peak of its matMul kernel times the threads close
// the run. Peers from ../shared/bench or NAGARE_PEER_DIR.
import { spawnSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { emit, median, peerDir } from './util.mjs'

const root = resolve(import.meta.dirname, '../..')
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3)
const SIZES = (process.env.BENCH_SIZES ?? '4096,65536').split(',').map(Number)
const THREADS = (process.env.BENCH_THREADS ?? '1,2').split(',').map(Number)
const BIG = Number(process.env.BENCH_BIG_N ?? 1_000_000)
/** multiply-adds of one field evaluation per particle: 3->64 (time in the bias), 64->64, 64->3 */
const FIELD_FLOPS = 2 * (3 * 64 + 64 * 64 + 64 * 3)
const RK4_EVALS = 80

const load = () => loadavg().map((x) => +x.toFixed(2))

/** peak resident memory while `f` runs (sampled every 20 ms; the workers are threads of this process) */
async function peakRss(f) {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  try {
    const value = await f()
    return { value, peak_rss_mib: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20) }
  } finally {
    clearInterval(timer)
  }
}

/** median wall-clock ms over REPEATS runs; `cpu` collects this process's CPU ms per wall ms (workers included) */
async function timed(f, cpu = []) {
  const wall = []
  for (let i = 0; i < REPEATS; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    await f()
    const ms = performance.now() - t0
    wall.push(ms)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000 / ms)
  }
  return +median(wall).toFixed(1)
}

async function ours(threads) {
  const { initBackend, tf } = await import('../../electron/engine/backend.ts')
  const { MlpField } = await import('../../electron/engine/models/mlp-field.ts')
  const { createRng } = await import('../../electron/engine/data/random.ts')
  const { createOptimizer, trainStep } = await import('../../electron/engine/training/train-step.ts')
  const { shardedTrainStep } = await import('../../electron/engine/training/sharded-step.ts')
  const { transport } = await import('../../electron/engine/jobs/transport.ts')
  const { createJobContext } = await import('../../electron/engine/jobs/context.ts')
  const { integrate } = await import('../../electron/engine/solvers/integrate.ts')
  const { enginePool, disposeEnginePool } = await import('../../electron/engine/pool/engine-pool.ts')
  const { setThreadSetting } = await import('../../electron/engine/pool/sizing.ts')
  const backend = await initBackend('wasm')
  setThreadSetting(threads)
  const pool = enginePool(threads) ?? null
  // as the app does at start (settings handler): the workers load their backends before the first job
  pool?.warm()
  const ctx = createJobContext(new AbortController().signal)
  const out = []
  const emitLine = (r) => out.push({ threads, backend, loadavg: load(), ...r })

  if (threads === 1) {
    // the single-thread peak the learned field is measured against: the kernel it runs (XNNPACK's fused
    // matMul) at its best shape here, a 64-wide layer over a large batch, no activation, no solver around it
    const a = tf.randomNormal([65536, 64])
    const w = tf.randomNormal([64, 64])
    const mm = () => tf.tidy(() => tf.fused.matMul({ a, b: w }).dataSync())
    mm()
    const ms = await timed(mm)
    emitLine({ kind: 'peak', matmul_65536x64x64_ms: ms, gflops: +((2 * 65536 * 64 * 64) / ms / 1e6).toFixed(2) })
    tf.dispose([a, w])
  }

  const rng = createRng(0)
  const model = new MlpField({ dim: 3, width: 64, hiddenLayers: 2, activation: 'tanh' }, rng)
  const normals = (n, r) => Float32Array.from({ length: n * 3 }, () => r.normal())
  const recipe = { kind: 'mlp', config: model.config, weights: model.getWeights().map((w) => w.values) }
  for (const N of SIZES) {
    const x0 = normals(N, rng.fork(`x${N}`))
    const field = Object.assign(model.snapshot(), { recipe })
    const run = () => transport({ flow: { type: 'field', field, notes: [] }, positions: x0, count: N, dim: 3, depths: [0, 1], integrate, solverOptions: { solver: 'rk4', stepSize: 1 / 20 }, ctx, pool })
    await run()
    const cores = []
    const { value: ms, peak_rss_mib } = await peakRss(() => timed(run, cores))
    field.dispose()
    emitLine({ kind: 'integrate', N, rk4_20steps_ms: ms, cores_busy: +median(cores).toFixed(2), gflops: +((N * RK4_EVALS * FIELD_FLOPS) / ms / 1e6).toFixed(2), peak_rss_mib })
  }
  for (const N of SIZES) {
    const batch = { x0: normals(N, rng.fork(`t${N}`)), target: normals(N, rng.fork(`y${N}`)), n: N }
    const opt = createOptimizer({ kind: 'adam', learningRate: 1e-3 })
    const config = { solver: 'euler', depth: 1, stepSize: 1 / 20, measureKinetic: false }
    const step = () => (pool ? shardedTrainStep(model, opt, batch, config, pool) : trainStep(model, opt, batch, config))
    await step()
    const cores = []
    const { value: ms, peak_rss_mib } = await peakRss(() => timed(step, cores))
    opt.dispose()
    emitLine({ kind: 'train', N, euler20_train_step_ms: ms, cores_busy: +median(cores).toFixed(2), peak_rss_mib })
  }
  model.dispose()

  if (BIG > 0) {
    const { runExperiment } = await import('../../electron/engine/jobs/runner.ts')
    const { writeRunFolder } = await import('../../electron/engine/runs/run-folder.ts')
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const spec = { ...JSON.parse(readFileSync(join(root, 'examples/paper-47.json'), 'utf8')), particles: { kind: 'sample', count: BIG } }
    const dir = mkdtempSync(join(tmpdir(), 'nagare-pool-bench-'))
    try {
      const phases = {}
      const { value: wall, peak_rss_mib } = await peakRss(async () => {
        const t0 = performance.now()
        const content = await runExperiment(spec, { ctx, backend })
        phases.transport_s = +content.manifest.solverStats.wallSeconds.toFixed(2)
        phases.compute_s = +((performance.now() - t0) / 1000).toFixed(2)
        await writeRunFolder(join(dir, 'run'), join(dir, '.run.partial'), content)
        return (performance.now() - t0) / 1000
      })
      emitLine({ kind: 'paper-47-job', N: BIG, whole_job_s: +wall.toFixed(2), ...phases, goal_s: 10, peak_rss_mib })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  await disposeEnginePool()
  process.stdout.write(JSON.stringify(out) + '\n')
}

function runOurs(threads) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--ours', String(threads)], {
    cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env }
  })
  if (r.status !== 0) throw new Error(`our side (${threads} threads) failed: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').at(-1))
}

function runPeer(N, threads) {
  const r = spawnSync('/usr/bin/python3', [join(peerDir(root), 'peer_torch_rk4.py'), String(N), String(threads)], { encoding: 'utf8' })
  if (r.status !== 0) return { skipped: true, reason: (r.stderr || '').trim().split('\n').at(-1) }
  return JSON.parse(r.stdout.trim().split('\n').at(-1))
}

if (process.argv[2] === '--ours') {
  await ours(Number(process.argv[3]))
} else {
  const rows = []
  for (const t of THREADS) for (const r of runOurs(t)) {
    rows.push(r)
    emit({ bench: 'pool', ...r })
  }
  const find = (kind, t, N) => rows.find((r) => r.kind === kind && r.threads === t && (N === undefined || r.N === N))
  // the scaling curve per workload, against the first thread count
  const base = THREADS[0]
  const workloads = [...SIZES.flatMap((N) => [['integrate', N, 'rk4_20steps_ms'], ['train', N, 'euler20_train_step_ms']]), ...(BIG > 0 ? [['paper-47-job', BIG, 'whole_job_s']] : [])]
  for (const [kind, N, key] of workloads) {
    const b = find(kind, base, N)
    const curve = THREADS.map((t) => ({ threads: t, value: find(kind, t, N)?.[key], speedup: b && find(kind, t, N) ? +(b[key] / find(kind, t, N)[key]).toFixed(3) : null }))
    emit({ bench: 'pool-scaling', kind, N, measure: key, curve, goal_speedup_2_threads: 1.7, loadavg: load() })
  }
  const peak = find('peak', 1)
  for (const t of THREADS) {
    for (const N of SIZES) {
      const peer = runPeer(N, t)
      if (peer.skipped) {
        emit({ bench: 'pool-peer', N, threads: t, ...peer })
        continue
      }
      emit({ bench: 'pool-peer', ...peer, loadavg: load() })
      const w = find('integrate', t, N)
      const tr = find('train', t, N)
      emit({
        bench: 'pool-ratio', threads: t, N,
        // > 1: we are faster than PyTorch on the same thread count; the goals are 2 and 1
        integrate_speed_vs_peer: w ? +(peer.rk4_20steps_ms / w.rk4_20steps_ms).toFixed(3) : null,
        train_speed_vs_peer: tr ? +(peer.euler20_train_step_ms / tr.euler20_train_step_ms).toFixed(3) : null,
        goal_integrate: 2, goal_train: 1,
        // the distance to the physical limit: the field's GFLOP/s over the single-thread matMul peak x threads
        integrate_gflops: w?.gflops ?? null, peak_gflops_x_threads: peak ? +(peak.gflops * t).toFixed(2) : null,
        fraction_of_peak: w && peak ? +(w.gflops / (peak.gflops * t)).toFixed(3) : null,
        loadavg: load()
      })
    }
  }
}
