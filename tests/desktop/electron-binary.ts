// Finds the Electron runtime the way the electron package does, but without its side effect: requiring
// 'electron' downloads the binary when it is missing, and the desktop tests must never reach the network.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export type ElectronBinary = { path: string; reason?: undefined } | { path?: undefined; reason: string }

/** The Electron executable under `packageDir` (node_modules/electron), or why there is none. */
export function findElectronBinary(packageDir: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  if (!existsSync(join(packageDir, 'package.json'))) return { reason: `the electron package is not installed (${packageDir})` }
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile))
    return { reason: `${pathFile} is missing: the Electron runtime was never downloaded (npm ci on a machine with network access fetches it)` }
  const relative = readFileSync(pathFile, 'utf8').trim()
  const executable = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron') : join(packageDir, 'dist', relative)
  if (!existsSync(executable)) return { reason: `${executable} does not exist` }
  return { path: executable }
}
