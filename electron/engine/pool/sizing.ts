// How many threads the engine computes on: the Settings value (0 = automatic) or the CLI's --threads,
// where automatic leaves one core to the interface. One process-wide value, read when a job starts and
// recorded in the run it writes.
import { availableParallelism } from 'node:os'

/** an upper bound: more threads than this cost memory (a wasm heap each) without a machine to use them */
export const MAX_THREADS = 64

/** all cores but one (the interface's), at least one */
export function defaultThreads(cores = availableParallelism()): number {
  return Math.max(1, Math.min(MAX_THREADS, cores - 1))
}

/** 0 or undefined: automatic; otherwise the whole number asked for, clamped to 1..MAX_THREADS */
export function resolveThreads(asked: number | undefined, cores = availableParallelism()): number {
  if (asked === undefined || asked === 0 || !Number.isFinite(asked)) return defaultThreads(cores)
  return Math.max(1, Math.min(MAX_THREADS, Math.floor(asked)))
}

let setting: number | undefined

/** set the thread setting (0 = automatic); NAGARE_THREADS, when set, wins (benchmarks, support) */
export function setThreadSetting(asked: number | undefined): void {
  setting = asked
}

/** the threads the next job computes on */
export function engineThreads(): number {
  const env = Number(process.env.NAGARE_THREADS)
  if (Number.isInteger(env) && env >= 1) return Math.min(MAX_THREADS, env)
  return resolveThreads(setting)
}
