// The settings store on a real temporary folder: round trip, an unreadable file set aside with a notice
// and defaults, a failed write leaving the old file whole, and restart-bound keys reported as pending.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { peekSettings, SettingsStore } from '../../../../electron/engine/settings/store'
import { DEFAULT_SETTINGS } from '../../../../shared/settings'
import { english, message } from '../../../../shared/messages'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-settings-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('SettingsStore', () => {
  it('starts from defaults, merges a patch, and a new store reads it back', async () => {
    const s = new SettingsStore(join(dir, 'userdata'))
    expect(await s.get()).toEqual({ settings: DEFAULT_SETTINGS })
    const after = await s.set({ language: 'ja', defaultSolver: 'dopri5' })
    expect(after.settings).toEqual({ ...DEFAULT_SETTINGS, language: 'ja', defaultSolver: 'dopri5' })
    expect(after.notice).toBeUndefined()
    expect(JSON.parse(await readFile(join(dir, 'userdata', 'settings.json'), 'utf8'))).toEqual(after.settings)
    const again = new SettingsStore(join(dir, 'userdata'))
    expect((await again.get()).settings).toEqual(after.settings)
    expect(peekSettings(join(dir, 'userdata'))).toEqual(after.settings)
    // no temporary files left beside it
    expect(await readdir(join(dir, 'userdata'))).toEqual(['settings.json'])
  })

  it('two changes made at once both land: each merges into what the one before it wrote', async () => {
    const s = new SettingsStore(dir)
    await s.set({ language: 'ja', defaultSolver: 'heun' })
    // the e2e found this: language back to auto, then the solver, without waiting in between
    const [a, b] = await Promise.all([s.set({ language: 'auto' }), s.set({ defaultSolver: 'rk4' })])
    expect(a.settings).toMatchObject({ language: 'auto', defaultSolver: 'heun' })
    expect(b.settings).toMatchObject({ language: 'auto', defaultSolver: 'rk4' })
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ language: 'auto', defaultSolver: 'rk4' })
    // a refused patch does not block the ones after it
    await expect(s.set({ language: 'klingon' } as never)).rejects.toThrow()
    expect((await s.set({ defaultSolver: 'euler' })).settings).toMatchObject({ language: 'auto', defaultSolver: 'euler' })
  })

  it.each([
    ['not JSON', '{"language": "ja",', message('runs.settingsNotJson'), /not valid JSON/],
    ['invalid values', JSON.stringify({ language: 'klingon' }), message('runs.settingsInvalidValues', { paths: 'language' }), /invalid values \(language\)/]
  ])('sets aside a settings file that is %s, uses defaults and says so', async (_what, text, problem, problemText) => {
    await writeFile(join(dir, 'settings.json'), text)
    expect(peekSettings(dir)).toEqual(DEFAULT_SETTINGS)
    // peeking changed nothing
    expect(await readdir(dir)).toEqual(['settings.json'])
    const s = new SettingsStore(dir)
    const state = await s.get()
    expect(state.settings).toEqual(DEFAULT_SETTINGS)
    const files = await readdir(dir)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^settings\.json\.unreadable-\d{4}-\d\d-\d\dT[\d-]+Z$/)
    expect(await readFile(join(dir, files[0]), 'utf8')).toBe(text)
    expect(state.notice).toEqual(message('runs.settingsSetAside', { problem, file: join(dir, files[0]) }))
    const notice = english(state.notice!)
    expect(notice).toMatch(problemText)
    expect(notice).toContain(join(dir, files[0]))
    expect(notice).toMatch(/default settings are in use/)
    // the notice stays until the user saves settings
    expect((await s.get()).notice).toEqual(state.notice)
    expect((await s.set({ language: 'en' })).notice).toBeUndefined()
    expect((await readdir(dir)).sort()).toEqual([files[0], 'settings.json'].sort())
  })

  it('a write that fails midway leaves the old file intact and no temporary file', async () => {
    const good = new SettingsStore(dir)
    await good.set({ language: 'ja' })
    const before = await readFile(join(dir, 'settings.json'), 'utf8')
    let tmp = ''
    // the real atomic writer, failing after its temporary file exists (as a full disk or a crash would)
    const failing = (path: string, text: string): Promise<void> =>
      writeFileAtomic(path, text, {
        fsync: true,
        tmpfileCreated: (t: string) => {
          tmp = t
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
        }
      })
    const s = new SettingsStore(dir, {}, failing)
    await expect(s.set({ language: 'en', backend: 'cpu' })).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(/could not be saved \(ENOSPC\); the previous settings are kept/)
    })
    expect(tmp).toContain('settings.json.')
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(before)
    expect(await readdir(dir)).toEqual(['settings.json'])
    expect((await s.get()).settings.language).toBe('ja')
  })

  it('refuses invalid patches and reports backend/workspace changes that wait for a restart', async () => {
    const s = new SettingsStore(dir, { backend: 'cpu', workspace: join(dir, 'ws') })
    await expect(s.set({ language: 'xx' } as never)).rejects.toMatchObject({ code: 'invalid-request' })
    expect((await s.set({ backend: 'cpu' })).pendingRestart).toBeUndefined()
    expect((await s.set({ backend: 'wasm', language: 'ja' })).pendingRestart).toEqual(['backend'])
    expect((await s.set({ workspace: join(dir, 'other') })).pendingRestart).toEqual(['backend', 'workspace'])
    expect((await s.set({ backend: 'auto', workspace: join(dir, 'ws') })).pendingRestart).toBeUndefined()
  })
})
