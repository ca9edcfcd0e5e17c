// Browser mode's start-up choices: the user data folder (settings, logs) and the workspace and backend,
// where --workspace/--backend (or their environment variables) win over settings.json.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { peekSettings } from '../engine/settings/store'
import type { ServeConfig } from './args'

export interface ServeStart {
  workspace: string
  backend?: string
  userData: string
}

const given = (argv: readonly string[], flag: string): boolean => argv.some((a) => a === `--${flag}` || a.startsWith(`--${flag}=`))

/**
 * userData: NAGARE_USER_DATA, else <workspace>/.nagare when a workspace was named explicitly (a
 * self-contained workspace, as tests and portable setups use), else ~/.nagare (beside the default workspace).
 */
export function resolveServeStart(argv: readonly string[], env: NodeJS.ProcessEnv, config: ServeConfig, home = homedir()): ServeStart {
  const workspaceGiven = given(argv, 'workspace') || Boolean(env.NAGARE_WORKSPACE)
  const userData = env.NAGARE_USER_DATA ? resolve(env.NAGARE_USER_DATA) : workspaceGiven ? join(config.workspace, '.nagare') : join(home, '.nagare')
  const settings = peekSettings(userData)
  const workspace = workspaceGiven || !settings.workspace ? config.workspace : resolve(settings.workspace)
  const backend = config.backend ?? (settings.backend !== 'auto' ? settings.backend : undefined)
  return backend ? { workspace, backend, userData } : { workspace, userData }
}
