// The application version, read once from the package.json of the installed app (found by walking up
// from this file, which works from the sources, from out/main and inside a packaged app.asar).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

let cached: string | undefined

export function appVersion(): string {
  if (cached) return cached
  let dir = __dirname
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'nagare' && typeof pkg.version === 'string') return (cached = pkg.version)
    } catch {
      // no package.json here: keep walking up
    }
    const up = dirname(dir)
    if (up === dir) break
    dir = up
  }
  return (cached = '0.0.0-unknown')
}
