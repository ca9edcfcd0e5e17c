// Benchmark: the engine's worker pool, 1 and 2 threads (BENCH_THREADS), beside PyTorch on the same thread
// count. Workloads: the learned field (R^3 plus t, two hidden layers of 64 tanh, as in learned-flow.mjs) through RK4 20
// steps at N = 4,096 / 65,536 as the runner transports it (on onnxruntime; at one thread also on TF.js wasm, for the ratio); an Euler 20-step Adam training step at batch
// 4,096 / 65,536; the paper's (47) continuous DAE with 1,000,000 particles as the GUI runs it (spec,
// transport, metrics, run folder written (trajectories while the metrics run, as the run store does); transport_s, metrics_s,
// compute_s and write_after_compute_s time its phases). Every line carries os.loadavg() (the machine is shared) and the
// workload's peak resident memory; the scaling curve per workload, the ratios against the peer, and the
// learned field's GFLOP/s against the measured single-core peak (a tuned BLAS matMul) times the threads close
// the run, with the training step's ceiling on TF.js (its matMuls at the wasm kernels' measured peak) against the peer. Peers from ../shared/bench or NAGARE_PEER_DIR.
import { spawnSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { emit, median, peerDir, peerEnv } from './util.mjs'

const root = resolve(import.meta.dirname, '../..')
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3)
// BENCH_SIZES=none (or empty) skips the integrate and train lines: only the 1M job runs
const SIZES = (process.env.BENCH_SIZES ?? '4096,65536')
  .split(',')
  .filter((s) => s.trim() !== '' && s.trim() !== 'none')
  .map(Number)
const THREADS = (process.env.BENCH_THREADS ?? '1,2').split(',').map(Number)
const BIG = Number(process.env.BENCH_BIG_N ?? 1_000_000)
/** multiply-adds of one field evaluation per particle: 3->64 (time in the bias), 64->64, 64->3 */
const FIELD_FLOPS = 2 * (3 * 64 + 64 * 64 + 64 * 3)
const RK4_EVALS = 80
/** multiply-adds of one training step per particle: 20 Euler evaluations, each a forward and two backward matMuls (input and weight gradients) */
const TRAIN_FLOPS = 20 * 3 * FIELD_FLOPS

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

/** median wall-clock ms over REPEATS runs; `cpu` collects this process's CPU ms per run (workers included) */
async function timed(f, cpu = []) {
  const wall = []
  for (let i = 0; i < REPEATS; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    await f()
    const ms = performance.now() - t0
    wall.push(ms)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  return +median(wall).toFixed(1)
}

async function ours(threads) {
  const { initBackend } = await import('../../electron/engine/backend.ts')
  const { MlpField } = await import('../../electron/engine/models/mlp-field.ts')
  const { createRng } = await import('../../electron/engine/sampling/random.ts')
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
    // the ceiling of training on TF.js here: its wasm kernels' float32 1024^3 matMul per CPU second, beside
    // the peer's BLAS peak (pool-peak); a training step is matMuls of TRAIN_FLOPS per particle
    const tf = await import('@tensorflow/tfjs-core')
    const a = tf.randomNormal([1024, 1024])
    const b = tf.randomNormal([1024, 1024])
    tf.matMul(a, b).dispose()
    const c0 = process.cpuUsage()
    for (let i = 0; i < 10; i++) tf.matMul(a, b).dispose()
    const c = process.cpuUsage(c0)
    tf.dispose([a, b])
    emitLine({ kind: 'wasm-peak', gflops_per_cpu_s: +((10 * 2 * 1024 ** 3) / ((c.user + c.system) / 1e6) / 1e9).toFixed(2) })
  }

  const rng = createRng(0)
  const model = new MlpField({ dim: 3, width: 64, hiddenLayers: 2, activation: 'tanh' }, rng)
  const normals = (n, r) => Float32Array.from({ length: n * 3 }, () => r.normal())
  const recipe = { kind: 'mlp', config: model.config, weights: model.getWeights().map((w) => w.values) }
  for (const N of SIZES) {
    const x0 = normals(N, rng.fork(`x${N}`))
    const field = Object.assign(model.snapshot(), { recipe })
    const run = () =>
      transport({
        flow: { type: 'field', field, notes: [] },
        positions: x0,
        count: N,
        dim: 3,
        depths: [0, 1],
        integrate,
        solverOptions: { solver: 'rk4', stepSize: 1 / 20 },
        ctx,
        pool
      })
    await run()
    const cores = []
    const { value: ms, peak_rss_mib } = await peakRss(() => timed(run, cores))
    if (threads === 1) {
      // the same integration on TF.js's wasm kernels (the product runs a learned field on onnxruntime where
      // it loads): the numbers behind taking that path, on this thread
      process.env.NAGARE_ONNX_FIELD = '0'
      await run()
      const tfCores = []
      const { value: tfMs, peak_rss_mib: tfPeak } = await peakRss(() => timed(run, tfCores))
      delete process.env.NAGARE_ONNX_FIELD
      emitLine({
        kind: 'integrate-tfjs',
        N,
        rk4_20steps_ms: tfMs,
        cpu_ms: +median(tfCores).toFixed(1),
        onnxruntime_speedup: +(tfMs / ms).toFixed(2),
        peak_rss_mib: tfPeak
      })
    }
    field.dispose()
    const flops = N * RK4_EVALS * FIELD_FLOPS
    const cpu = median(cores)
    emitLine({
      kind: 'integrate',
      N,
      rk4_20steps_ms: ms,
      cpu_ms: +cpu.toFixed(1),
      cores_busy: +(cpu / ms).toFixed(2),
      gflops: +(flops / ms / 1e6).toFixed(2),
      gflops_per_cpu_s: +(flops / cpu / 1e6).toFixed(2),
      peak_rss_mib
    })
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
    emitLine({ kind: 'train', N, euler20_train_step_ms: ms, cpu_ms: +median(cores).toFixed(1), cores_busy: +(median(cores) / ms).toFixed(2), peak_rss_mib })
  }
  model.dispose()

  if (BIG > 0) {
    const { runExperiment } = await import('../../electron/engine/jobs/runner.ts')
    const { RunFolderWriter } = await import('../../electron/engine/runs/run-folder.ts')
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const spec = { ...JSON.parse(readFileSync(join(root, 'examples/paper-47.json'), 'utf8')), particles: { kind: 'sample', count: BIG } }
    const dir = mkdtempSync(join(tmpdir(), 'nagare-pool-bench-'))
    try {
      // the app's workers are warm when a job starts (the lines above warm them when they run): a small run
      // of the same spec first, so the timed job does not include starting the workers and their first load
      await runExperiment({ ...spec, particles: { kind: 'sample', count: 20_000 } }, { ctx, backend })
      const phases = {}
      // the metrics phase runs from its first progress note to the end of the run content
      let metricsStart = 0
      const jobCtx = createJobContext(new AbortController().signal, (_f, _d, msg) => {
        if (!metricsStart && msg?.key === 'engine.progressMetrics') metricsStart = performance.now()
      })
      const c0 = process.cpuUsage()
      const { value: wall, peak_rss_mib } = await peakRss(async () => {
        const t0 = performance.now()
        // as the run store does: the trajectories are written while the metrics are computed
        const writer = new RunFolderWriter(join(dir, '.run.partial'))
        const content = await runExperiment(spec, { ctx: jobCtx, backend, onTransported: (t) => writer.start(t.trajectories, t.shape) })
        const computed = performance.now()
        phases.transport_s = +content.manifest.solverStats.wallSeconds.toFixed(2)
        phases.metrics_s = +((computed - metricsStart) / 1000).toFixed(2)
        phases.compute_s = +((computed - t0) / 1000).toFixed(2)
        await writer.finish(join(dir, 'run'), content)
        phases.write_after_compute_s = +((performance.now() - computed) / 1000).toFixed(2)
        return (performance.now() - t0) / 1000
      })
      const c = process.cpuUsage(c0)
      emitLine({
        kind: 'paper-47-job',
        N: BIG,
        whole_job_s: +wall.toFixed(2),
        cpu_ms: Math.round((c.user + c.system) / 1000),
        ...phases,
        goal_s: 10,
        peak_rss_mib
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  await disposeEnginePool()
  process.stdout.write(JSON.stringify(out) + '\n')
}

function runOurs(threads) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--ours', String(threads)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env }
  })
  if (r.status !== 0) throw new Error(`our side (${threads} threads) failed: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').at(-1))
}

/**
 * The single-core peak of this CPU as a tuned BLAS reaches it: PyTorch's float32 1024^3 matMul on one
 * thread, per CPU second (the scheduler's share on a shared machine does not enter).
 */
function measurePeak() {
  const code =
    'import torch,time,json\ntorch.set_num_threads(1)\na=torch.randn(1024,1024);b=torch.randn(1024,1024);a@b\nt=time.process_time()\nfor _ in range(10): a@b\nc=(time.process_time()-t)/10\nprint(json.dumps({"gflops_per_cpu_s":round(2*1024**3/c/1e9,2)}))'
  const r = spawnSync('/usr/bin/python3', ['-c', code], { encoding: 'utf8', env: peerEnv(1) })
  if (r.status !== 0) return { gflops_per_cpu_s: null, skipped: (r.stderr || '').trim().split('\n').at(-1) }
  return { kernel: 'pytorch float32 matmul 1024^3, 1 thread', ...JSON.parse(r.stdout.trim().split('\n').at(-1)) }
}

function runPeer(N, threads) {
  const r = spawnSync('/usr/bin/python3', [join(peerDir(root), 'peer_torch_rk4.py'), String(N), String(threads)], { encoding: 'utf8', env: peerEnv(threads) })
  if (r.status !== 0) return { skipped: true, reason: (r.stderr || '').trim().split('\n').at(-1) }
  return JSON.parse(r.stdout.trim().split('\n').at(-1))
}

if (process.argv[2] === '--ours') {
  await ours(Number(process.argv[3]))
} else {
  const rows = []
  for (const t of THREADS)
    for (const r of runOurs(t)) {
      rows.push(r)
      emit({ bench: 'pool', ...r })
    }
  const find = (kind, t, N) => rows.find((r) => r.kind === kind && r.threads === t && (N === undefined || r.N === N))
  // the scaling curve per workload, against the first thread count
  const base = THREADS[0]
  const workloads = [
    ...SIZES.flatMap((N) => [
      ['integrate', N, 'rk4_20steps_ms'],
      ['train', N, 'euler20_train_step_ms']
    ]),
    ...(BIG > 0 ? [['paper-47-job', BIG, 'whole_job_s']] : [])
  ]
  for (const [kind, N, key] of workloads) {
    const b = find(kind, base, N)
    // on a busy machine the wall-clock speed-up says how many cores the scheduler gave us; the CPU time
    // says what the split costs: t x cpu(base) / cpu(t) is the speed-up the same work would show on t free
    // cores when all of it is split (integration, training); the whole job's metrics and writing are not
    const curve = THREADS.map((t) => {
      const r = find(kind, t, N)
      return {
        threads: t,
        value: r?.[key],
        speedup: b && r ? +(b[key] / r[key]).toFixed(3) : null,
        speedup_on_free_cores_estimate: b && r && kind !== 'paper-47-job' ? +((t / base) * (b.cpu_ms / r.cpu_ms)).toFixed(3) : null,
        cores_busy: r?.cores_busy ?? null
      }
    })
    emit({ bench: 'pool-scaling', kind, N, measure: key, curve, goal_speedup_2_threads: 1.7, loadavg: load() })
  }
  const peak = measurePeak()
  emit({ bench: 'pool-peak', ...peak, loadavg: load() })
  const wasmPeak = find('wasm-peak', 1)?.gflops_per_cpu_s
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
        bench: 'pool-ratio',
        threads: t,
        N,
        // > 1: we are faster than PyTorch on the same thread count; the goals are 2 and 1
        integrate_speed_vs_peer: w ? +(peer.rk4_20steps_ms / w.rk4_20steps_ms).toFixed(3) : null,
        train_speed_vs_peer: tr ? +(peer.euler20_train_step_ms / tr.euler20_train_step_ms).toFixed(3) : null,
        // the most a TF.js step could reach: its matMuls alone at the wasm kernels' peak on t cores, nothing else
        train_ceiling_vs_peer: wasmPeak ? +(peer.euler20_train_step_ms / ((N * TRAIN_FLOPS) / (wasmPeak * t) / 1e6)).toFixed(3) : null,
        goal_integrate: 2,
        goal_train: 1,
        // the distance to the physical limit: the field's GFLOP/s over the single-core peak x threads, by the
        // clock (what the user waits for) and per busy CPU second (what the kernels achieve on a shared machine)
        integrate_gflops: w?.gflops ?? null,
        peak_gflops_x_threads: peak.gflops_per_cpu_s ? +(peak.gflops_per_cpu_s * t).toFixed(2) : null,
        fraction_of_peak: w && peak.gflops_per_cpu_s ? +(w.gflops / (peak.gflops_per_cpu_s * t)).toFixed(3) : null,
        fraction_of_peak_per_cpu_s: w && peak.gflops_per_cpu_s ? +(w.gflops_per_cpu_s / peak.gflops_per_cpu_s).toFixed(3) : null,
        loadavg: load()
      })
    }
  }
}
