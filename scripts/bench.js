// `npm run bench`: builds if needed, then runs every benchmark under tests/bench and prints JSON lines
// (also saved to bench-results/<timestamp>.jsonl). Ratios are computed within one run, never across runs.
const { spawnSync } = require('node:child_process')
const { mkdirSync, appendFileSync, existsSync } = require('node:fs')
const { join } = require('node:path')

const root = join(__dirname, '..')
const benches = [
  'tests/bench/flow-throughput.mjs',
  'tests/bench/viewer/run.mjs',
  'tests/bench/metrics-pot.mjs',
  'tests/bench/learned-flow.mjs',
  'tests/bench/depth-analysis.mjs',
  'tests/bench/adjoint-memory.mjs',
  'tests/bench/onnx-record.mjs',
  'tests/bench/pool-scaling.mjs',
  'tests/bench/layer-pool.mjs'
]
const only = process.argv.slice(2)

// the build's log goes to stderr: stdout carries JSON lines only
const ensure = spawnSync(process.execPath, [join(root, 'scripts/ensure-build.js')], { stdio: ['ignore', process.stderr, 'inherit'], cwd: root })
if (ensure.status !== 0) process.exit(ensure.status ?? 1)

mkdirSync(join(root, 'bench-results'), { recursive: true })
const out = join(root, 'bench-results', `${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`)
let failed = 0
for (const bench of benches) {
  if (only.length && !only.some((o) => bench.includes(o))) continue
  if (!existsSync(join(root, bench))) continue
  const r = spawnSync(process.execPath, [join(root, bench)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 })
  process.stdout.write(r.stdout)
  appendFileSync(out, r.stdout)
  if (r.status !== 0) {
    failed++
    const line = JSON.stringify({ bench, failed: true, exit: r.status }) + '\n'
    process.stdout.write(line)
    appendFileSync(out, line)
  }
}
console.error(`[bench] results saved to ${out}`)
process.exit(failed ? 1 : 0)
