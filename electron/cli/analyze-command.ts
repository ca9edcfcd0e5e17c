// `nagare analyze <dumps-folder | file.npz>`: what each layer of an existing model does to the data, from
// activation dumps; prints the report (per-layer rows and flags) as JSON and, with --out, writes
// <DIR>/layers.json and <DIR>/layers.csv atomically. Exit 2 for bad input or options, 1 for a failure.
import { resolve } from 'node:path'
import { analyzeLayers, type LayerReport } from '../engine/layers/analyze'
import { loadLayerDumps } from '../engine/layers/dumps'
import { loadLabels } from '../engine/layers/labels'
import { checkReportDir, reportJson, writeLayerReport } from '../engine/layers/report-files'
import { EngineError } from '../engine/errors'
import { failure } from './distance-command'
import type { CliIo } from './io'
import { EXIT } from './run-command'

export interface RawAnalyzeOptions {
  labels?: string
  k?: string
  seed?: string
  out?: string
}

export const ANALYZE_CLI_DEFAULTS = { k: 10, seed: 7 }

function integer(flag: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback
  const v = text.trim() === '' ? NaN : Number(text)
  if (!Number.isInteger(v) || v < min) throw new EngineError('invalid-request', `${flag} must be an integer of at least ${min}, got ${JSON.stringify(text)}`)
  return v
}

export async function analyzeCommand(input: string, raw: RawAnalyzeOptions, io: CliIo): Promise<number> {
  let report: LayerReport
  let out: string | undefined
  try {
    const k = integer('--k', raw.k, ANALYZE_CLI_DEFAULTS.k, 1)
    const seed = integer('--seed', raw.seed, ANALYZE_CLI_DEFAULTS.seed, 0)
    out = raw.out === undefined ? undefined : resolve(io.cwd, raw.out)
    if (out) await checkReportDir(out)
    const dumps = await loadLayerDumps(resolve(io.cwd, input))
    const labelsPath = raw.labels !== undefined ? resolve(io.cwd, raw.labels) : dumps.labelsFile
    const labels = labelsPath ? await loadLabels(labelsPath) : undefined
    if (labels && labels.length !== dumps.layers[0].n)
      throw new EngineError('invalid-request', `${labelsPath}: ${labels.length} labels, but the layers hold ${dumps.layers[0].n} points`)
    if (labelsPath && raw.labels === undefined) io.stderr.write(`nagare: using labels from ${labelsPath}\n`)
    report = analyzeLayers(dumps.layers, { k, seed, labels })
  } catch (e) {
    return failure(io, e)
  }
  try {
    if (out) await writeLayerReport(out, report)
    io.stdout.write(reportJson(report))
    for (const f of report.flags) io.stderr.write(`nagare: flag: ${f.message}\n  remedy: ${f.remedy}\n`)
    return EXIT.ok
  } catch (e) {
    if (e instanceof EngineError && e.code === 'invalid-request') return failure(io, e)
    io.stderr.write(`nagare: failed: ${e instanceof Error ? e.message : String(e)}\n`)
    return EXIT.failure
  }
}
