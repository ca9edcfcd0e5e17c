// Small helpers shared by the benchmark scripts: timing a child process, medians, JSON-line output.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

export function timeCommand(cmd, args, options = {}) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options })
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, seconds }
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export function emit(record) {
  process.stdout.write(JSON.stringify({ ...record, at: new Date().toISOString() }) + '\n')
}

/** The peer workloads (NumPy, POT): NAGARE_PEER_DIR, else a bench folder beside the checkout (README, benchmarks). */
export function peerDir(root) {
  const candidates = [process.env.NAGARE_PEER_DIR, resolve(root, '../shared/bench')].filter(Boolean)
  const found = candidates.find((d) => existsSync(d))
  if (!found) throw new Error(`peer workloads not found (looked in ${candidates.join(', ')})`)
  return found
}
