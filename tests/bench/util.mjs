// Small helpers shared by the benchmark scripts: timing a child process, medians, peak memory, JSON-line output.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** Runs a command and times it; where GNU time is installed, also the child's peak resident memory (MiB). */
export function timeCommand(cmd, args, options = {}) {
  const measure = existsSync('/usr/bin/time')
  const memFile = join(tmpdir(), `nagare-bench-rss-${process.pid}`)
  const [exe, argv] = measure ? ['/usr/bin/time', ['-f', '%M', '-o', memFile, cmd, ...args]] : [cmd, args]
  const t0 = process.hrtime.bigint()
  const r = spawnSync(exe, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options })
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  let peakRssMib = null
  if (measure && existsSync(memFile)) {
    const kib = Number(readFileSync(memFile, 'utf8').trim().split('\n').at(-1))
    if (Number.isFinite(kib)) peakRssMib = Math.round(kib / 1024)
    rmSync(memFile, { force: true })
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, seconds, peakRssMib }
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** the peak resident memory of this process so far, in MiB (the workload's, for benches that compute in-process) */
export function peakRssMib() {
  return Math.round(process.resourceUsage().maxRSS / 1024)
}

/** One JSON line; a record that does not carry its own peak memory gets this process's (`process_peak_rss_mib`). */
export function emit(record) {
  const memory = 'peak_rss_mib' in record ? {} : { process_peak_rss_mib: peakRssMib() }
  process.stdout.write(JSON.stringify({ ...record, ...memory, at: new Date().toISOString() }) + '\n')
}

/**
 * The environment of a Python peer that is to compute on `threads` threads, set up as PyTorch does best
 * here. Debian's PyTorch calls the system OpenBLAS, which starts its own threads whatever
 * torch.set_num_threads says: a "1-thread" peer ran its matMuls on both cores (192% CPU). At 2 threads,
 * OpenMP's spinning waits starved OpenBLAS's threads (training step at 65,536: 3.7 s spinning, 1.5 s
 * with passive waits, 2.8 s on one thread), so the waits are passive.
 */
export function peerEnv(threads) {
  const n = String(threads)
  return { ...process.env, OMP_NUM_THREADS: n, OPENBLAS_NUM_THREADS: n, MKL_NUM_THREADS: n, OMP_WAIT_POLICY: 'PASSIVE' }
}

/** The peer workloads (NumPy, POT): NAGARE_PEER_DIR, else a bench folder beside the checkout (README, benchmarks). */
export function peerDir(root) {
  const candidates = [process.env.NAGARE_PEER_DIR, resolve(root, '../shared/bench')].filter(Boolean)
  const found = candidates.find((d) => existsSync(d))
  if (!found) throw new Error(`peer workloads not found (looked in ${candidates.join(', ')})`)
  return found
}
