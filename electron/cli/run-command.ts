// `nagare run <spec.json> --out <dir>`: validate, run headless, write the run folder at <dir> via a
// sibling temporary folder renamed into place. Exit codes: 0 done, 2 invalid spec or input, 1 failure
// during the run, 130 interrupted (Ctrl-C), with nothing left behind in the last three cases.
import { randomBytes } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { parseSpec } from '../../shared/experiment'
import { english, message } from '../../shared/messages'
import { initBackend } from '../engine/backend'
import { CancelledError, EngineError } from '../engine/errors'
import { createJobContext } from '../engine/jobs/context'
import { PROGRESS_METRICS } from '../engine/jobs/progress'
import { runExperiment } from '../engine/jobs/runner'
import { RunFolderWriter } from '../engine/runs/run-folder'
import { MAX_THREADS, setThreadSetting } from '../engine/pool/sizing'
import { enginePool } from '../engine/pool/engine-pool'
import type { CliIo } from './io'
import { progressView, type ProgressView } from './progress'
import { summaryText } from './summary'
import { parseJson } from '../../shared/json-depth'

export const EXIT = { ok: 0, failure: 1, invalid: 2, interrupted: 130 } as const

export interface RunOptions {
  out: string
  backend?: string
  /** the workspace whose imported datasets (flow.data {kind: "dataset"}) and training checkpoints a run uses */
  workspace?: string
  /** --threads: a whole number from 1 (default: all cores but one) */
  threads?: string
}

const say = (io: CliIo, text: string): void => void io.stderr.write(`nagare: ${text}\n`)

/** --threads of `nagare run` (a bad value is an invalid spec) and `nagare analyze` (an invalid request) */
export function parseThreads(text: string, code: 'invalid-spec' | 'invalid-request' = 'invalid-spec'): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS) throw new EngineError(code, message('pool.threadsOption', { max: MAX_THREADS, value: text }))
  return n
}

async function readSpec(path: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    throw new EngineError('invalid-spec', message('import.cannotRead', { path, detail: (e as Error).message }))
  }
  try {
    // a byte-order mark (Notepad's "UTF-8 with BOM") is not part of the JSON
    return parseJson(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new EngineError('invalid-spec', message('errmsg.cliNotJson', { path, detail: (e as Error).message }))
  }
}

/** Refuse an output that exists and is not an empty directory. */
async function checkOut(out: string): Promise<void> {
  const s = await stat(out).catch(() => undefined)
  if (!s) return
  if (!s.isDirectory()) throw new EngineError('invalid-spec', message('errmsg.cliOutNotFolder', { out }))
  if ((await readdir(out)).length > 0) throw new EngineError('invalid-spec', message('import.outNotEmpty', { path: out }))
}

export async function runCommand(specPath: string, options: RunOptions, io: CliIo): Promise<number> {
  const out = resolve(io.cwd, options.out)
  const controller = new AbortController()
  const unsubscribe = io.onInterrupt(() => controller.abort())
  let bar: ProgressView | undefined
  // the trajectories are written into the partial folder while the metrics are computed
  const partial = join(dirname(out), `.${basename(out)}.partial-${randomBytes(3).toString('hex')}`)
  const writer = new RunFolderWriter(partial)
  try {
    const input = await readSpec(resolve(io.cwd, specPath))
    const parsed = parseSpec(input)
    if (!parsed.ok) {
      say(io, `invalid spec ${specPath}:`)
      for (const f of parsed.errors) io.stderr.write(`  ${f.field}: ${english(f.message)}\n`)
      return EXIT.invalid
    }
    await checkOut(out)
    if (options.threads !== undefined) setThreadSetting(parseThreads(options.threads))
    const backend = await initBackend(options.backend)
    // the workers load their backends while the particles are drawn
    enginePool()?.warm()
    const { spec } = parsed
    say(io, `running "${spec.name}" on ${backend} (Ctrl-C cancels)`)
    const view = (bar = progressView(io.stderr))
    const ctx = createJobContext(controller.signal, (fraction, depth, message) => view.update(fraction, depth, message))
    const workspace = options.workspace === undefined ? undefined : resolve(io.cwd, options.workspace)
    const content = await runExperiment(spec, {
      ctx,
      backend,
      ...(workspace ? { workspace } : {}),
      onTransported: (t) => writer.start(t.trajectories, t.shape)
    })
    await writer.finish(out, content, {
      beforeFile: async (file) => {
        view.update(PROGRESS_METRICS, undefined, `writing ${file}`)
        await ctx.checkpoint()
      }
    })
    view.stop()
    io.stdout.write(summaryText(content.manifest, out))
    return EXIT.ok
  } catch (e) {
    bar?.stop()
    if (e instanceof CancelledError) {
      say(io, 'interrupted; nothing was written')
      return EXIT.interrupted
    }
    if (e instanceof EngineError && e.code === 'invalid-spec') {
      if (e.fields?.length) {
        say(io, `invalid spec ${specPath}:`)
        for (const f of e.fields) io.stderr.write(`  ${f.field}: ${english(f.message)}\n`)
      } else say(io, e.message)
      return EXIT.invalid
    }
    say(io, `run failed: ${e instanceof Error ? e.message : String(e)}`)
    return EXIT.failure
  } finally {
    // nothing is left behind unless the run was written (then there is nothing to discard)
    await writer.discard()
    unsubscribe()
  }
}
