// Times the phases of the paper's (47) run with 1,000,000 particles (examples/paper-47.json) at a given
// thread count: transport (the solver's wall time), the per-depth metrics (from the first metrics progress
// note to the end of the run content) and the whole job; optionally saves the metric rows as JSON so two
// builds or thread counts can be compared for exact equality. The numbers behind docs/architecture.md's
// speed section.
// Run: npx tsx scripts/measure/metrics-phase.ts <threads> [particles] [rows.json]
import { readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { initBackend } from '../../electron/engine/backend'
import { createJobContext } from '../../electron/engine/jobs/context'
import { runExperiment } from '../../electron/engine/jobs/runner'
import { disposeEnginePool, enginePool } from '../../electron/engine/pool/engine-pool'
import { setThreadSetting } from '../../electron/engine/pool/sizing'

async function main(): Promise<void> {
  const threads = Number(process.argv[2] ?? 1)
  const count = Number(process.argv[3] ?? 1_000_000)
  const rowsFile = process.argv[4]
  const backend = await initBackend('wasm')
  setThreadSetting(threads)
  // as the app does at start: the workers load their backends before the first job
  enginePool(threads)?.warm()
  const root = join(__dirname, '../..')
  const spec = { ...JSON.parse(readFileSync(join(root, 'examples/paper-47.json'), 'utf8')), particles: { kind: 'sample', count } }
  let metricsStart = 0
  const ctx = createJobContext(new AbortController().signal, (_f, _d, msg) => {
    if (!metricsStart && msg?.key === 'engine.progressMetrics') metricsStart = performance.now()
  })
  const t0 = performance.now()
  const content = await runExperiment(spec, { ctx, backend })
  const end = performance.now()
  const out = {
    threads,
    particles: count,
    transport_s: +content.manifest.solverStats.wallSeconds.toFixed(2),
    metrics_s: +((end - metricsStart) / 1000).toFixed(2),
    job_s: +((end - t0) / 1000).toFixed(2),
    loadavg: loadavg().map((x) => +x.toFixed(2))
  }
  process.stdout.write(JSON.stringify(out) + '\n')
  if (rowsFile) writeFileSync(rowsFile, JSON.stringify(content.manifest.metrics))
  await disposeEnginePool()
}

void main()
