// Benchmark: the full per-depth analysis of a run (goal: 100,000 particles, 64 samples, under 10 s,
// single thread). Trajectories come from the continuous DAE on a 3-D two-component GMM (RK4, one
// step per sample, not timed); then depthMetrics with the runner's options is timed: moments, entropy
// (kNN on 10,000), sliced W2 to the input and between samples (64 directions, 10,000 particles), per-axis
// W2 (all), velocity field at 20,000 particles per sample, path length, merging (20,000 pairs),
// separability. Wall and process CPU seconds are both printed (with the load average): other work on the
// machine inflates wall time. A second pass without the kNN entropy shows that estimator's share.
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { tsImport } from 'tsx/esm/api'
import { emit, median } from './util.mjs'

const root = resolve(import.meta.dirname, '../..')
const load = (p) => tsImport(join(root, p), import.meta.url)
const { initBackend } = await load('electron/engine/backend.ts')
const { buildFlow } = await load('electron/engine/flows/build-flow.ts')
const { transport } = await load('electron/engine/jobs/transport.ts')
const { integrate, sampleDepths } = await load('electron/engine/solvers/integrate.ts')
const { makeParticles } = await load('electron/engine/sampling/particles.ts')
const { createRng } = await load('electron/engine/sampling/random.ts')
const { depthMetrics } = await load('electron/engine/metrics/depth-metrics.ts')
const { runAnalysisOptions } = await load('electron/engine/metrics/depth-options.ts')
const { parseSpec, resolveDistribution } = await load('shared/experiment.ts')

const N = Number(process.env.BENCH_N ?? 100_000)
const S = 64
const T = 0.3
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3)
const backend = await initBackend()
const parsed = parseSpec({
  version: 1,
  name: 'bench depth analysis',
  seed: 3,
  distribution: {
    kind: 'gmm',
    weights: [0.3, 0.7],
    means: [
      [-1.5, 0, 0],
      [1, 0.5, 0]
    ],
    covariances: [
      [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1]
      ],
      [
        [1.5, 0.3, 0],
        [0.3, 1, 0],
        [0, 0, 0.8]
      ]
    ]
  },
  particles: { kind: 'sample', count: N },
  flow: { kind: 'continuous-dae' },
  integration: { solver: 'rk4', depth: T, stepSize: T / (S - 1), samples: S }
})
if (!parsed.ok) throw new Error('bench spec invalid')
const spec = parsed.spec
const dist = resolveDistribution(spec.distribution)
const particles = makeParticles(spec, dist, createRng(spec.seed).fork('particles'))
const depths = sampleDepths(T, S)
const flow = buildFlow(spec, dist)
const ctx = { cancelled: false, checkpoint: async () => {}, progress: () => {} }
const moved = await transport({
  flow,
  positions: particles.positions,
  count: N,
  dim: 3,
  depths,
  integrate,
  solverOptions: { solver: 'rk4', stepSize: T / (S - 1) },
  ctx
})

const walls = []
const cpus = []
let last
for (let r = 0; r < REPEATS; r++) {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  last = await depthMetrics(moved.trajectories, [S, N, 3], depths, { rng: createRng(1).fork('metrics'), ...runAnalysisOptions(flow, dist, particles.labels) })
  walls.push((performance.now() - t0) / 1000)
  const c = process.cpuUsage(c0)
  cpus.push((c.user + c.system) / 1e6)
}
// the same analysis without the kNN entropy (closed form stand-in), to show where the time goes
const c1 = process.cpuUsage()
await depthMetrics(moved.trajectories, [S, N, 3], depths, {
  rng: createRng(1).fork('metrics'),
  ...runAnalysisOptions(flow, dist, particles.labels),
  gaussianCovarianceAt: () => [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1]
  ]
})
const c1d = process.cpuUsage(c1)
flow.field.dispose()
const end = last.rows.at(-1)
emit({
  bench: 'depth-analysis',
  particles: N,
  samples: S,
  dim: 3,
  backend,
  goal_s: 10,
  wall_s_median: median(walls),
  cpu_s_median: median(cpus),
  wall_s: walls,
  cpu_s: cpus,
  cpu_s_without_knn_entropy: (c1d.user + c1d.system) / 1e6,
  load_average_1min: loadavg()[0],
  velocity_method: last.constants.velocityMethod,
  velocity_points: last.constants.velocityPoints,
  sliced_points: last.constants.slicedPoints,
  merging_pairs: last.constants.merging.pairs,
  end: { kineticEnergy: end.kineticEnergy, pathLength: end.pathLength, speed: end.speed, mergedFraction: end.mergedFraction, separability: end.separability }
})
