// Where a worker thread's script is. In the built app, the CLI and browser mode it is a bundled entry
// beside the engine's code (out/main/<entry>.js, the engine's shared code possibly one folder down in
// out/main/chunks/); run from the sources (unit tests, benchmarks through tsx) it is the TypeScript file
// itself, which the worker loads through tsx's require hook (Node 20's workers do not take --import loaders). Electron's worker threads read scripts inside app.asar.
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export interface WorkerScript {
  path: string
  /** node options for the worker: the TypeScript loader when `path` is a source file */
  execArgv?: string[]
}

/** The script of worker `entry` (the bundle's input name) for code in folder `dir`, else `source` in that folder. */
export function workerScript(entry: string, dir: string, source: string): WorkerScript {
  for (const built of [join(dir, `${entry}.js`), join(dir, '..', `${entry}.js`)]) if (existsSync(built)) return { path: built }
  const path = join(dir, source)
  if (existsSync(path)) return { path, execArgv: ['--require', 'tsx/cjs'] }
  throw new Error(`worker script ${entry} not found beside ${dir}`)
}
