// Command line of the browser-mode server: flags with environment fallbacks, validated.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

export const USAGE = `Usage: node out/main/server.js [--port N] [--workspace DIR] [--backend native|wasm|cpu]

  --port N          port on 127.0.0.1 (default 0: a free port; env NAGARE_PORT)
  --workspace DIR   where runs are kept (default ~/.nagare/workspace; env NAGARE_WORKSPACE)
  --backend NAME    TF.js backend to prefer (default: the best that loads; env NAGARE_BACKEND)

  Settings and logs live in ~/.nagare (or <workspace>/.nagare when a workspace is named; env
  NAGARE_USER_DATA); the workspace and backend settings apply when the flags are not given.`

const BACKENDS = ['native', 'node', 'tensorflow', 'wasm', 'cpu']

export interface ServeConfig {
  port: number
  workspace: string
  backend?: string
}

export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv): ServeConfig | { help: true } {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, workspace: { type: 'string' }, backend: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false
  })
  if (values.help) return { help: true }
  const portText = values.port ?? (env.NAGARE_PORT || '0')
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`--port must be an integer from 0 to 65535, not ${JSON.stringify(portText)}`)
  const workspace = resolve(values.workspace ?? (env.NAGARE_WORKSPACE || join(homedir(), '.nagare', 'workspace')))
  const backend = values.backend ?? (env.NAGARE_BACKEND || undefined)
  // the engine's names and aliases (electron/engine/backend.ts); refused here so a typo fails at once
  if (backend && !BACKENDS.includes(backend.trim().toLowerCase()))
    throw new Error(`--backend must be one of native, wasm or cpu, not ${JSON.stringify(backend)}`)
  return backend ? { port, workspace, backend } : { port, workspace }
}
