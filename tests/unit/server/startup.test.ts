// Browser mode's start-up choices (electron/server/startup.ts): flags and environment win over
// settings.json, which wins over the defaults; where the user data folder is.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseServeArgs, type ServeConfig } from '../../../electron/server/args'
import { resolveServeStart } from '../../../electron/server/startup'

let home: string
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'nagare-home-'))
})
afterEach(() => rmSync(home, { recursive: true, force: true }))

const resolveWith = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  const config = parseServeArgs(argv, { ...env, NAGARE_WORKSPACE: env.NAGARE_WORKSPACE ?? '' }) as ServeConfig
  // parseServeArgs defaults to the real home; point the default at the temporary one
  const c = argv.includes('--workspace') || env.NAGARE_WORKSPACE ? config : { ...config, workspace: join(home, '.nagare', 'workspace') }
  return resolveServeStart(argv, env, c, home)
}

describe('resolveServeStart', () => {
  it('uses ~/.nagare and its settings when no workspace is named', () => {
    expect(resolveWith([])).toEqual({ workspace: join(home, '.nagare', 'workspace'), userData: join(home, '.nagare') })
    mkdirSync(join(home, '.nagare'), { recursive: true })
    writeFileSync(join(home, '.nagare', 'settings.json'), JSON.stringify({ workspace: join(home, 'elsewhere'), backend: 'wasm' }))
    expect(resolveWith([])).toEqual({ workspace: join(home, 'elsewhere'), backend: 'wasm', userData: join(home, '.nagare') })
    // flags win over the settings
    expect(resolveWith(['--backend', 'cpu'])).toMatchObject({ workspace: join(home, 'elsewhere'), backend: 'cpu' })
    expect(resolveWith(['--workspace', join(home, 'w')])).toEqual({ workspace: join(home, 'w'), userData: join(home, 'w', '.nagare') })
  })

  it('a bad settings file means defaults (and is left for the engine to set aside)', () => {
    mkdirSync(join(home, '.nagare'), { recursive: true })
    writeFileSync(join(home, '.nagare', 'settings.json'), '{nope')
    expect(resolveWith([])).toEqual({ workspace: join(home, '.nagare', 'workspace'), userData: join(home, '.nagare') })
  })

  it('NAGARE_USER_DATA names the user data folder', () => {
    expect(resolveWith(['--workspace', join(home, 'w')], { NAGARE_USER_DATA: join(home, 'ud') })).toEqual({
      workspace: join(home, 'w'),
      userData: join(home, 'ud')
    })
  })
})
