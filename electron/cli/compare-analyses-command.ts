// `nagare compare-analyses A B`: two analysis folders (from `nagare analyze --out` or a workspace's
// analyses/<id>/) side by side, layer by layer; prints the comparison (b - a per metric) as JSON.
// Exit 2 when a folder is not an analysis, 1 for a failure.
import { resolve } from 'node:path'
import { compareAnalyses } from '../engine/layers/compare'
import { loadComparable } from '../engine/layers/compare-files'
import { failure } from './distance-command'
import type { CliIo } from './io'
import { EXIT } from './run-command'

export async function compareAnalysesCommand(a: string, b: string, io: CliIo): Promise<number> {
  try {
    const left = await loadComparable(resolve(io.cwd, a))
    const right = await loadComparable(resolve(io.cwd, b))
    io.stdout.write(JSON.stringify(compareAnalyses(left, right), null, 2) + '\n')
    return EXIT.ok
  } catch (e) {
    return failure(io, e)
  }
}
