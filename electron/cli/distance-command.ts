// `nagare distance A B --metric <name>`: one distance between two clouds (.npy or CSV), printed as one JSON
// object on stdout. Exit codes: 0 done, 2 unusable input or options (message on stderr), 1 internal failure.
import { resolve } from 'node:path'
import { computeDistance, METRICS, type DistanceOptions, type MetricName } from '../engine/metrics/distances'
import { EngineError } from '../engine/errors'
import { message } from '../../shared/messages'
import { CloudInputError, loadCloud } from '../engine/inputs/cloud-input'
import type { CliIo } from './io'
import { EXIT } from './run-command'

/** Option values as commander hands them over (strings), keyed like DistanceOptions. */
export type RawMetricOptions = Partial<Record<keyof DistanceOptions, string>>

const say = (io: CliIo, text: string): void => void io.stderr.write(`nagare: ${text}\n`)

const FLAG: Record<keyof DistanceOptions, string> = {
  seed: '--seed',
  directions: '--directions',
  eps: '--eps',
  iterations: '--iterations',
  tolerance: '--tolerance',
  annealing: '--annealing',
  overRelaxation: '--over-relaxation',
  maxPoints: '--max-points',
  k: '--k'
}

/** Strict number parsing: the whole string must be a finite number ("12abc", "" and "NaN" are refused). */
export function parseNumberOptions(raw: RawMetricOptions): DistanceOptions {
  const out: DistanceOptions = {}
  for (const [key, text] of Object.entries(raw) as [keyof DistanceOptions, string | undefined][]) {
    if (text === undefined) continue
    const v = text.trim() === '' ? NaN : Number(text)
    if (!Number.isFinite(v)) throw new EngineError('invalid-request', message('errmsg.cliNumber', { flag: FLAG[key], got: JSON.stringify(text) }))
    out[key] = v
  }
  return out
}

/** Report usage errors and unusable input as exit 2, anything else as exit 1. */
export function failure(io: CliIo, e: unknown): number {
  if (e instanceof CloudInputError || (e instanceof EngineError && e.code === 'invalid-request')) {
    say(io, e.message)
    return EXIT.invalid
  }
  say(io, `failed: ${e instanceof Error ? e.message : String(e)}`)
  return EXIT.failure
}

export async function distanceCommand(pathA: string, pathB: string, metric: MetricName, raw: RawMetricOptions, io: CliIo): Promise<number> {
  try {
    const options = parseNumberOptions(raw)
    const a = await loadCloud(resolve(io.cwd, pathA))
    const b = await loadCloud(resolve(io.cwd, pathB))
    const known = Object.keys(METRICS[metric].defaults(a.d))
    for (const key of Object.keys(options) as (keyof DistanceOptions)[])
      if (!known.includes(key)) say(io, `${FLAG[key]} does not apply to ${metric} and was ignored`)
    const result = computeDistance(metric, a, b, options)
    io.stdout.write(JSON.stringify({ ...result, inputs: { a: pathA, b: pathB } }) + '\n')
    return EXIT.ok
  } catch (e) {
    return failure(io, e)
  }
}
