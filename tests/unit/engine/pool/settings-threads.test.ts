// The thread setting reaches the engine: saved through settings.set it applies to the next job without a
// restart, and a stored value applies once the settings are read (the handlers read them as they start).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { settingsHandlers } from '../../../../electron/engine/handlers/settings'
import type { HandlerContext } from '../../../../electron/engine/handlers/types'
import { RotatingLog } from '../../../../electron/engine/logs/rotating-log'
import { defaultThreads, engineThreads, setThreadSetting } from '../../../../electron/engine/pool/sizing'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-threads-'))
})
afterEach(async () => {
  setThreadSetting(undefined)
  await rm(dir, { recursive: true, force: true })
})

const context = (): HandlerContext => ({
  workspace: dir,
  userData: dir,
  mode: 'in-process',
  backend: 'wasm',
  appVersion: '0',
  store: null as never,
  jobs: null as never
})

describe('thread setting', () => {
  it('applies a saved count at once, no restart pending, and 0 as automatic', async () => {
    const h = settingsHandlers(context(), new RotatingLog(join(dir, 'logs')))
    const state = await h['settings.set']({ settings: { threads: 3 } })
    expect(state.settings.threads).toBe(3)
    expect(state.pendingRestart ?? []).not.toContain('threads')
    expect(engineThreads()).toBe(3)
    await h['settings.set']({ settings: { threads: 0 } })
    expect(engineThreads()).toBe(defaultThreads())
  })

  it('applies the stored count once the settings are read', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ threads: 5 }))
    const h = settingsHandlers(context(), new RotatingLog(join(dir, 'logs')))
    await h['settings.get']({})
    expect(engineThreads()).toBe(5)
  })
})
