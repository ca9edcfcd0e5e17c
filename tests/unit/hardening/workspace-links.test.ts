// Links planted in the workspace: a run folder, a run's user.json, a dataset, a study, the settings file
// and the log pointing outside. Every store refuses to read, archive, move or write through them (with a
// message naming the path inside the workspace, no machine path), and the outside files stay as they were.
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadDataset } from '../../../electron/engine/datasets/store'
import { RotatingLog } from '../../../electron/engine/logs/rotating-log'
import { RunStore } from '../../../electron/engine/runs/store'
import { SettingsStore } from '../../../electron/engine/settings/store'
import { StudyStore } from '../../../electron/engine/studies/store'
import { smallRun } from '../engine/runs/manifest-fixture'
import { english, message } from '../../../shared/messages'

const ID = '20261127-181500-paper-47-a1b2'
let base: string
let ws: string
let outside: string

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'nagare-links-'))
  ws = join(base, 'ws')
  outside = join(base, 'outside')
  await mkdir(ws)
  await mkdir(outside)
  await writeFile(join(outside, 'secret.txt'), 'keep me')
})
afterEach(async () => {
  await rm(base, { recursive: true, force: true })
})

const outsideFiles = async (): Promise<string[]> => (await readdir(outside)).sort()

describe('links out of the workspace', () => {
  it('a run folder linked outside: update, archive, trash and get refuse it; nothing outside is written', async () => {
    // a real run saved outside, linked in as runs/<id>
    const elsewhere = new RunStore(outside)
    await elsewhere.save(smallRun(ID))
    await mkdir(join(ws, 'runs'))
    await symlink(join(outside, 'runs', ID), join(ws, 'runs', ID))
    const store = new RunStore(ws)
    const before = await readdir(join(outside, 'runs', ID))
    const message = `runs/${ID} is a link that leads outside the workspace; Nagare does not read or write through it`
    await expect(store.update(ID, { name: 'pwned' })).rejects.toThrow(message)
    await expect(store.archive(ID)).rejects.toThrow(message)
    await expect(store.get(ID)).rejects.toThrow(message)
    await expect(store.trash(ID)).rejects.toThrow(message)
    await expect(store.trajectories(ID)).rejects.toThrow(message)
    expect(await readdir(join(outside, 'runs', ID))).toEqual(before)
    expect(await readdir(join(ws, 'runs'))).toEqual([ID])
  })

  it("a run's user.json linked to a file outside: the rename is refused, the file untouched, the run listed with the problem", async () => {
    const store = new RunStore(ws)
    await store.save(smallRun(ID))
    await symlink(join(outside, 'secret.txt'), join(ws, 'runs', ID, 'user.json'))
    await expect(store.update(ID, { name: 'x' })).rejects.toThrow(`runs/${ID}/user.json is a link that leads outside the workspace`)
    expect(await readFile(join(outside, 'secret.txt'), 'utf8')).toBe('keep me')
    const [row] = await store.list()
    expect(row).toMatchObject({ id: ID, status: 'unreadable', problem: message('harden.outsideWorkspace', { path: `runs/${ID}/user.json` }) })
    expect(english(row.problem!)).toBe(`runs/${ID}/user.json is a link that leads outside the workspace; Nagare does not read or write through it`)
  })

  it('the runs folder itself linked outside: a save is refused before anything is written', async () => {
    await symlink(outside, join(ws, 'runs'))
    await expect(new RunStore(ws).save(smallRun(ID))).rejects.toThrow(`runs/${ID} is a link that leads outside the workspace`)
    expect(await outsideFiles()).toEqual(['secret.txt'])
  })

  it('a link inside the workspace that stays inside it is followed', async () => {
    const store = new RunStore(ws)
    await store.save(smallRun(ID))
    await mkdir(join(ws, 'runs-moved'))
    const { rename } = await import('node:fs/promises')
    await rename(join(ws, 'runs', ID), join(ws, 'runs-moved', ID))
    await symlink(join(ws, 'runs-moved', ID), join(ws, 'runs', ID))
    expect((await store.get(ID)).id).toBe(ID)
  })

  it('a workspace that is itself a link is its real folder, not outside itself', async () => {
    await symlink(ws, join(base, 'ws-link'))
    const store = new RunStore(join(base, 'ws-link'))
    await store.save(smallRun(ID))
    expect((await store.update(ID, { name: 'renamed' })).name).toBe('renamed')
  })

  it('a dataset folder linked outside is refused', async () => {
    await mkdir(join(ws, 'datasets'))
    await mkdir(join(outside, 'ds'))
    await symlink(join(outside, 'ds'), join(ws, 'datasets', ID))
    await expect(loadDataset(ws, ID)).rejects.toThrow(`datasets/${ID}/dataset.json is a link that leads outside the workspace`)
  })

  it('a study folder linked outside: not listed, not opened, a save through it refused', async () => {
    await mkdir(join(ws, 'studies'))
    await mkdir(join(outside, 'st'))
    await symlink(join(outside, 'st'), join(ws, 'studies', ID))
    const store = new StudyStore(ws)
    expect(await store.list()).toEqual([])
    await expect(store.get(ID)).rejects.toThrow(`studies/${ID}/study.json is a link that leads outside the workspace`)
    await expect(store.save({ id: ID, name: 's', createdAt: 'x', sweep: {}, points: [] } as never)).rejects.toThrow(
      'is a link that leads outside the workspace'
    )
    expect(await readdir(join(outside, 'st'))).toEqual([])
  })

  it('a settings file linked outside is neither read nor written through', async () => {
    await writeFile(join(outside, 'settings.json'), '{"language":"ja"}')
    await symlink(join(outside, 'settings.json'), join(ws, 'settings.json'))
    const store = new SettingsStore(ws)
    const state = await store.get()
    expect(state.notice?.params?.problem).toEqual(message('harden.outsideWorkspace', { path: 'settings.json' }))
    expect(english(state.notice!)).toContain('settings.json is a link that leads outside the workspace')
    expect(await readFile(join(outside, 'settings.json'), 'utf8')).toBe('{"language":"ja"}')
  })

  it('a log file linked outside is not appended to', async () => {
    await symlink(join(outside, 'secret.txt'), join(ws, 'nagare.log'))
    new RotatingLog(ws).write({ level: 'error', event: 'x' })
    expect(await readFile(join(outside, 'secret.txt'), 'utf8')).toBe('keep me')
  })
})
