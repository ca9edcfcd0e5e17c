// Benchmark: learned flow on TF.js (the standard field: x in R^3 plus t, two hidden layers of 64
// tanh, 3 outputs). RK4 20 steps over [0, 1] without gradients at N = 4,096 and 65,536, and an Euler
// 20-step Adam training step at batch 4,096 (and 65,536, chunked), beside the PyTorch peer.
// Our side runs from the TypeScript sources: this file re-runs itself under `node --import tsx`.
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { emit, median, peerDir, peerEnv, peakRssMib } from './util.mjs'

const root = resolve(import.meta.dirname, '../..')
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3)
const SIZES = (process.env.BENCH_SIZES ?? '4096,65536').split(',').map(Number)

/** median wall-clock and process CPU ms over REPEATS runs (CPU time shows the cost on a busy machine) */
async function timed(f) {
  const wall = []
  const cpu = []
  for (let i = 0; i < REPEATS; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    await f()
    wall.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  return { wall: +median(wall).toFixed(1), cpu: +median(cpu).toFixed(1) }
}

async function ours(backendName) {
  const { initBackend, tf } = await import('../../electron/engine/backend.ts')
  const { MlpField } = await import('../../electron/engine/models/mlp-field.ts')
  const { integrate } = await import('../../electron/engine/solvers/integrate.ts')
  const { createRng } = await import('../../electron/engine/sampling/random.ts')
  const { createOptimizer, trainStep } = await import('../../electron/engine/training/train-step.ts')
  const backend = await initBackend(backendName)
  const rng = createRng(0)
  const model = new MlpField({ dim: 3, width: 64, hiddenLayers: 2, activation: 'tanh' }, rng)
  const normals = (n, r) => Float32Array.from({ length: n * 3 }, () => r.normal())
  const out = []
  // the cpu backend is a reference point only: N = 4,096 keeps the benchmark short
  const sizes = backend === 'cpu' ? [4096] : SIZES
  const field = model.snapshot()
  for (const N of sizes) {
    const x0 = tf.tensor2d(normals(N, rng.fork(`x${N}`)), [N, 3])
    const run = async () => {
      const r = await integrate(field, x0, [0, 1], { solver: 'rk4', stepSize: 1 / 20 })
      await r.positions[1].data()
      tf.dispose(r.positions)
    }
    await run()
    const { wall, cpu } = await timed(run)
    x0.dispose()
    out.push({ kind: 'integrate', backend, N, rk4_20steps_ms: wall, rk4_20steps_cpu_ms: cpu })
  }
  field.dispose()
  for (const N of sizes) {
    const batch = { x0: normals(N, rng.fork(`t${N}`)), target: normals(N, rng.fork(`y${N}`)), n: N }
    const before = tf.memory().numTensors
    const opt = createOptimizer({ kind: 'adam', learningRate: 1e-3 })
    const config = { solver: 'euler', depth: 1, stepSize: 1 / 20, measureKinetic: false }
    trainStep(model, opt, batch, config)
    const { wall, cpu } = await timed(() => trainStep(model, opt, batch, config))
    opt.dispose()
    out.push({
      kind: 'train',
      backend,
      N,
      chunk_rows: 4096,
      euler20_train_step_ms: wall,
      euler20_train_step_cpu_ms: cpu,
      tensors_leaked: tf.memory().numTensors - before
    })
  }
  model.dispose()
  // the engine side ran in this child: its peak memory is the workload's
  const peak_rss_mib = peakRssMib()
  process.stdout.write(JSON.stringify(out.map((r) => ({ ...r, peak_rss_mib }))) + '\n')
}

function runOurs(backendName) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--ours', backendName], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env }
  })
  if (r.status !== 0) throw new Error(`our side (${backendName}) failed: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').at(-1))
}

function runPeer(N) {
  const r = spawnSync('/usr/bin/python3', [join(peerDir(root), 'peer_torch_rk4.py'), String(N), '2'], { encoding: 'utf8', env: peerEnv(2) })
  if (r.status !== 0) return { skipped: true, reason: (r.stderr || '').trim().split('\n').at(-1) }
  return JSON.parse(r.stdout.trim().split('\n').at(-1))
}

if (process.argv[2] === '--ours') {
  await ours(process.argv[3])
} else {
  // BENCH_CPU=0 skips the slow cpu-backend reference
  const mine = { wasm: runOurs('wasm'), ...(process.env.BENCH_CPU === '0' ? {} : { cpu: runOurs('cpu') }) }
  for (const rows of Object.values(mine)) for (const r of rows) emit({ bench: 'learned-flow', ...r })
  for (const N of SIZES) {
    const peer = runPeer(N)
    if (peer.skipped) {
      emit({ bench: 'learned-flow-peer', N, ...peer })
      continue
    }
    emit({ bench: 'learned-flow-peer', ...peer })
    const w = mine.wasm.find((r) => r.kind === 'integrate' && r.N === N)
    const t = mine.wasm.find((r) => r.kind === 'train' && r.N === N)
    emit({
      bench: 'learned-flow-ratio',
      backend: 'wasm',
      N,
      // > 1 means we are faster than the peer; the goals: integration >= 1, training >= 0.5
      integrate_speed_vs_peer: w ? +(peer.rk4_20steps_ms / w.rk4_20steps_ms).toFixed(3) : null,
      train_speed_vs_peer: t ? +(peer.euler20_train_step_ms / t.euler20_train_step_ms).toFixed(3) : null,
      goal_integrate: 1,
      goal_train: 0.5
    })
  }
}
