// Benchmark: analytic flow throughput. Paper eq. (47) continuous DAE, 100,000 particles, RK4 with 100
// steps to t = 0.45, whole `nagare run` process timed (start-up, backend, sampling, integration,
// metrics, writing the run), beside the NumPy peer (tests/bench/util.mjs peerDir) run in the same benchmark.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { median, emit, peerDir, timeCommand } from './util.mjs'

const root = resolve(import.meta.dirname, '../..')
const N = Number(process.env.BENCH_N ?? 100_000)
const STEPS = 100
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3)
const T = 0.45

const work = mkdtempSync(join(tmpdir(), 'nagare-bench-'))
try {
  const spec = {
    version: 1,
    name: 'bench-47',
    seed: 0,
    distribution: { kind: 'preset', name: 'paper-47' },
    particles: { kind: 'sample', count: N },
    flow: { kind: 'continuous-dae' },
    integration: { solver: 'rk4', depth: T, stepSize: T / STEPS, samples: 2 }
  }
  const specPath = join(work, 'spec.json')
  writeFileSync(specPath, JSON.stringify(spec))
  const cli = join(root, 'out/main/cli.js')
  if (!existsSync(cli)) throw new Error('out/main/cli.js missing: run `npm run build` first')

  const ours = []
  let peak = 0
  let varY
  let backend
  for (let i = 0; i < REPEATS; i++) {
    const out = join(work, `run-${i}`)
    const r = timeCommand(process.execPath, [cli, 'run', specPath, '--out', out], { cwd: root })
    if (r.status !== 0) throw new Error(`nagare run failed: ${r.stderr}`)
    ours.push(r.seconds)
    peak = Math.max(peak, r.peakRssMib ?? 0)
    const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'))
    const last = manifest.metrics.at(-1)
    varY = last.covariance[1][1]
    backend = manifest.backend
  }
  emit({
    bench: 'flow-throughput',
    case: 'paper-47 continuous-dae rk4',
    particles: N,
    rk4_steps: STEPS,
    backend,
    whole_process_s_median: median(ours),
    particle_steps_per_s: Math.round((N * STEPS) / median(ours)),
    var_y_T: varY,
    peak_rss_mib: peak || null
  })

  const peer = join(peerDir(root), 'peer_numpy_gmm_rk4.py')
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import numpy'], { encoding: 'utf8' })
  if (probe.status !== 0) {
    emit({ bench: 'flow-throughput-peer', skipped: true, reason: 'numpy is not installed for /usr/bin/python3 (apt-get install -y python3-numpy)' })
  } else {
    const whole = []
    const inner = []
    let peerName
    let peerVarY
    let peerPeak = 0
    for (let i = 0; i < REPEATS; i++) {
      const r = timeCommand('/usr/bin/python3', [peer, String(N), String(STEPS)])
      if (r.status !== 0) throw new Error(`peer failed: ${r.stderr}`)
      const line = JSON.parse(r.stdout.trim().split('\n').at(-1))
      whole.push(r.seconds)
      peerPeak = Math.max(peerPeak, r.peakRssMib ?? 0)
      inner.push(line.seconds)
      peerName = line.peer
      peerVarY = line.var_y_T
    }
    const oursS = median(ours)
    emit({
      bench: 'flow-throughput-peer',
      peer: peerName,
      particles: N,
      rk4_steps: STEPS,
      whole_process_s_median: median(whole),
      integration_only_s_median: median(inner),
      var_y_T: peerVarY,
      speedup_vs_peer_whole_process: +(median(whole) / oursS).toFixed(2),
      speedup_vs_peer_integration_only: +(median(inner) / oursS).toFixed(2),
      goal: 'nagare whole process at least 2x faster than the peer',
      meets_goal: median(whole) / oursS >= 2,
      peak_rss_mib: peerPeak || null
    })
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
