// Benchmark: the adjoint method against backprop through the solver on the standard learned field (x in
// R^3 plus t, two hidden layers of 64 tanh): peak tensor memory and wall time of one gradient at 10, 20
// and 40 RK4 steps, batch 1,024, for the classifier-style objective (x_T against a target), and at 5, 10
// and 20 for the CNF density objective (log-density state, exact trace: its unchunked backprop tape at
// 40 steps passes the wasm heap's 4 GiB and aborts). Ratios are within this one run.
// Our side runs from the TypeScript sources: this file re-runs itself under `node --import tsx`.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { emit } from './util.mjs'

const root = resolve(import.meta.dirname, '../..')
const STEPS = (process.env.BENCH_ADJOINT_STEPS ?? '10,20,40').split(',').map(Number)
const CNF_STEPS = (process.env.BENCH_ADJOINT_CNF_STEPS ?? '5,10,20').split(',').map(Number)
const N = Number(process.env.BENCH_ADJOINT_ROWS ?? 1024)

async function ours() {
  const { initBackend, tf } = await import('../../electron/engine/backend.ts')
  const { createRng } = await import('../../electron/engine/sampling/random.ts')
  const { MlpField } = await import('../../electron/engine/models/mlp-field.ts')
  const { TrainedModel } = await import('../../electron/engine/models/trained-model.ts')
  const { adjointGradients } = await import('../../electron/engine/training/adjoint.ts')
  const { lossAndGradients } = await import('../../electron/engine/training/train-step.ts')
  const { chunkedGradients } = await import('../../electron/engine/training/objective.ts')
  const { logLikelihood, solveCnf } = await import('../../electron/engine/training/cnf.ts')
  const { adjointDensityGradients } = await import('../../electron/engine/training/tasks/density.ts')
  const backend = await initBackend('wasm')
  const rng = createRng(0)
  const normals = (k) => Float32Array.from({ length: k }, () => rng.normal())
  const field = { dim: 3, width: 64, hiddenLayers: 2, activation: 'tanh' }
  const mlp = new MlpField(field, createRng(1))
  const cnf = new TrainedModel(
    { kind: 'neural-ode', task: 'density', dataDim: 3, augment: 0, field, fields: 1, solver: 'rk4', depth: 1, stepSize: 0.1 },
    createRng(2)
  )
  const batch = { x0: normals(N * 3), target: normals(N * 3), n: N }
  const release = (g) => tf.dispose(Object.values(g.grads))
  /** peak bytes (tf.profile) and wall ms of one gradient, after a warm-up */
  const measure = async (f) => {
    release(f())
    const t0 = performance.now()
    release(f())
    const ms = performance.now() - t0
    const info = await tf.profile(() => release(f()))
    return { peak_mib: +(info.peakBytes / 2 ** 20).toFixed(2), ms: +ms.toFixed(1) }
  }
  const out = []
  for (const steps of STEPS) {
    const cfg = { solver: 'rk4', depth: 1, stepSize: 1 / steps }
    const bp = await measure(() => lossAndGradients(mlp, batch, { ...cfg, kinetic: 0.1, chunkRows: N }))
    const adj = await measure(() => adjointGradients(mlp, batch, { ...cfg, kinetic: 0.1 }))
    out.push({ objective: 'mse', steps, backprop: bp, adjoint: adj })
  }
  for (const steps of CNF_STEPS) {
    const tr = { solver: 'rk4', depth: 1, stepSize: 1 / steps, kinetic: 0.1, jacobian: 0.1 }
    const bpd = await measure(() =>
      chunkedGradients(cnf.variablesOf(0), N, N, () => {
        const o = solveCnf((z, t) => cnf.fields[0].forward(z, t), tf.tensor2d(batch.x0, [N, 3]), 1, steps, 'rk4', true)
        const nll = tf.neg(tf.mean(logLikelihood(o)))
        return {
          objective: tf.addN([nll, tf.mul(o.kinetic, tf.scalar(0.1)), tf.mul(o.jacobian, tf.scalar(0.1))]),
          data: nll,
          kinetic: o.kinetic,
          jacobian: o.jacobian
        }
      })
    )
    const adjd = await measure(() => adjointDensityGradients(cnf, batch.x0, N, tr))
    out.push({ objective: 'cnf-density', steps, backprop: bpd, adjoint: adjd })
  }
  mlp.dispose()
  cnf.dispose()
  process.stdout.write(JSON.stringify({ backend, rows: out }) + '\n')
}

if (process.argv[2] === '--ours') {
  await ours()
} else {
  const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--ours'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (r.status !== 0) throw new Error(`adjoint benchmark failed: ${r.stderr}`)
  const { backend, rows } = JSON.parse(r.stdout.trim().split('\n').at(-1))
  for (const row of rows) {
    emit({
      bench: 'adjoint-memory',
      backend,
      N,
      ...row,
      // < 1: the adjoint needs less memory (it should stay flat as steps grow); time > 1: it is slower
      adjoint_peak_vs_backprop: +(row.adjoint.peak_mib / row.backprop.peak_mib).toFixed(3),
      adjoint_time_vs_backprop: +(row.adjoint.ms / row.backprop.ms).toFixed(3)
    })
  }
}
