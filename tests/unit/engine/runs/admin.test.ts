// Run management on a real temporary workspace: rename/tag (user.json, run.json untouched), the trash
// round trip, interrupted saves set aside as incomplete, extra files saved with a run, the run archive.
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RunStore } from '../../../../electron/engine/runs/store'
import { templateOf } from '../../../../electron/engine/runs/summary'
import { smallRun } from './manifest-fixture'
import { english, message } from '../../../../shared/messages'

let ws: string
let store: RunStore
const A = '20261127-100000-first-0001'
const B = '20261127-120000-second-0002'
beforeEach(async () => {
  ws = await mkdtemp(join(tmpdir(), 'nagare-admin-'))
  store = new RunStore(ws)
  await store.save(smallRun(A, '2026-11-27T10:00:00.000Z'))
  await store.save(smallRun(B, '2026-11-27T12:00:00.000Z'))
})
afterEach(async () => {
  await rm(ws, { recursive: true, force: true })
})

/** a pid that belonged to a process that has exited */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!

describe('rename and tag', () => {
  it('keeps the user name and tags in user.json and leaves run.json byte-identical', async () => {
    const runJson = await readFile(join(ws, 'runs', A, 'run.json'))
    const s = await store.update(A, { name: 'Baseline 熱処理', tags: ['line-3', 'ok', 'line-3'] })
    expect(s).toMatchObject({ id: A, name: 'Baseline 熱処理', tags: ['line-3', 'ok'], status: 'complete', template: 'dae' })
    expect(await readFile(join(ws, 'runs', A, 'run.json'))).toEqual(runJson)
    expect(JSON.parse(await readFile(join(ws, 'runs', A, 'user.json'), 'utf8'))).toEqual({ name: 'Baseline 熱処理', tags: ['line-3', 'ok'] })
    // a later tag-only update keeps the name
    await store.update(A, { tags: [] })
    const listed = (await store.list()).find((r) => r.id === A)!
    expect(listed.name).toBe('Baseline 熱処理')
    expect(listed.tags).toBeUndefined()
    expect((await store.get(A)).name).toBe('Baseline 熱処理')
    // a hand-broken user.json is ignored, the run stays complete under its own name
    await writeFile(join(ws, 'runs', A, 'user.json'), '{oops')
    expect((await store.list()).find((r) => r.id === A)).toMatchObject({ status: 'complete', name: 'paper 47 small' })
    await expect(store.update('20261127-000000-none-0000', { name: 'x' })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('maps flow kinds to template families', () => {
    expect(['continuous-dae', 'shallow-dae', 'composed-dae', 'empirical-dae'].map(templateOf)).toEqual(['dae', 'dae', 'dae', 'dae'])
    expect(['trained-dae', 'trained-composed-dae', 'neural-ode'].map(templateOf)).toEqual(['trained', 'trained', 'trained'])
  })
})

describe('trash', () => {
  it('moves a run to runs/.trash and back, deleting nothing', async () => {
    const before = (await readdir(join(ws, 'runs', A))).sort()
    await store.trash(A)
    expect((await store.list()).map((r) => r.id)).toEqual([B])
    const trash = await store.list({ trash: true })
    expect(trash).toHaveLength(1)
    expect(trash[0]).toMatchObject({ id: A, status: 'complete' })
    expect(Date.now() - Date.parse(trash[0].trashedAt!)).toBeLessThan(60_000)
    expect((await readdir(join(ws, 'runs', '.trash', A))).sort()).toEqual([...before, 'trashed.json'].sort())
    await expect(store.get(A)).rejects.toMatchObject({ code: 'not-found' })
    await store.restore(A)
    expect((await store.list()).map((r) => r.id)).toEqual([B, A])
    expect(await store.list({ trash: true })).toEqual([])
    expect((await readdir(join(ws, 'runs', A))).sort()).toEqual(before)
    expect((await store.trajectories(A)).shape).toEqual([3, 4, 2])
  })

  it('refuses to restore over a run with the same id, and to trash what is not there', async () => {
    await store.trash(A)
    await store.save(smallRun(A, '2026-11-27T10:00:00.000Z'))
    await expect(store.restore(A)).rejects.toMatchObject({ code: 'busy', message: expect.stringMatching(/already in the history/) })
    expect((await store.list({ trash: true })).map((r) => r.id)).toEqual([A])
    await expect(store.trash(A)).rejects.toMatchObject({ code: 'busy' })
    await expect(store.trash('20261127-000000-none-0000')).rejects.toMatchObject({ code: 'not-found' })
    await expect(store.restore(B)).rejects.toMatchObject({ code: 'not-found' })
  })
})

describe('interrupted saves', () => {
  it("sets a dead writer's partial folder aside as incomplete, with a reason, never complete", async () => {
    const partial = join(ws, 'runs', '.partial-20261127-130000-crashed-0003')
    await mkdir(partial)
    await writeFile(join(partial, '.writer.json'), JSON.stringify({ pid: deadPid() }))
    await writeFile(join(partial, 'trajectories.npy'), 'half')
    const list = await store.list()
    // dated by when it was interrupted (now): the newest row
    expect(list.map((r) => [r.id, r.status])).toEqual([
      ['20261127-130000-crashed-0003', 'incomplete'],
      [B, 'complete'],
      [A, 'complete']
    ])
    const inc = list.find((r) => r.status === 'incomplete')!
    expect(inc.problem).toEqual(message('runs.interrupted'))
    expect(english(inc.problem!)).toMatch(/interrupted while it was being saved/)
    const aside = join(ws, 'runs', '.incomplete', '20261127-130000-crashed-0003')
    expect((await readdir(aside)).sort()).toEqual(['.writer.json', 'incomplete.json', 'trajectories.npy'])
    expect(await readFile(join(aside, 'trajectories.npy'), 'utf8')).toBe('half')
    expect((await readdir(join(ws, 'runs'))).filter((n) => n.startsWith('.partial-'))).toEqual([])
    await expect(store.get('20261127-130000-crashed-0003')).rejects.toMatchObject({ code: 'unreadable-run', message: expect.stringMatching(/incomplete/) })
    // it can go to the trash and come back as incomplete
    await store.trash('20261127-130000-crashed-0003')
    expect((await store.list({ trash: true }))[0]).toMatchObject({ status: 'incomplete' })
    await store.restore('20261127-130000-crashed-0003')
    expect((await store.list()).find((r) => r.id === '20261127-130000-crashed-0003')?.status).toBe('incomplete')
  })

  it('leaves alone a partial folder whose writer is alive (another process) or in flight here', async () => {
    const other = join(ws, 'runs', '.partial-20261127-140000-other-0004')
    await mkdir(other)
    await writeFile(join(other, '.writer.json'), JSON.stringify({ pid: process.ppid }))
    let listedDuringSave: string[] = []
    await store.save(smallRun('20261127-150000-third-0005'), {
      beforeFile: async (f) => {
        if (f === 'run.json') listedDuringSave = (await store.list()).map((r) => `${r.id}:${r.status}`)
      }
    })
    expect(listedDuringSave.sort()).toEqual([`${A}:complete`, `${B}:complete`])
    expect((await readdir(join(ws, 'runs'))).sort()).toEqual(['.partial-20261127-140000-other-0004', '20261127-150000-third-0005', A, B].sort())
    // hours later the 'live' pid cannot be that writer any more (reused): it is set aside after all
    const old = new Date(Date.now() - 7 * 3600_000)
    await utimes(other, old, old)
    expect((await store.list()).find((r) => r.id === '20261127-140000-other-0004')?.status).toBe('incomplete')
  })
})

describe('extra files and the archive', () => {
  it('saves extra files inside the run and refuses paths that leave it', async () => {
    const run = smallRun('20261127-160000-model-0006')
    const weights = new Uint8Array([0, 1, 2, 250, 255])
    run.extra = [
      { path: 'model/model.json', data: '{"format":"layers-model"}' },
      { path: 'model/weights.bin', data: weights }
    ]
    await store.save(run)
    const dir = join(ws, 'runs', '20261127-160000-model-0006')
    expect((await readdir(dir)).sort()).toEqual(['labels.npy', 'metrics.csv', 'model', 'run.json', 'trajectories.npy'])
    expect(await readFile(join(dir, 'model', 'model.json'), 'utf8')).toBe('{"format":"layers-model"}')
    expect(new Uint8Array(await readFile(join(dir, 'model', 'weights.bin')))).toEqual(weights)
    for (const path of ['../evil', '/etc/passwd', 'a/../../b', 'C:/x', 'a\\b', '', 'run.json', 'model//x', './x']) {
      const bad = smallRun('20261127-170000-bad-0007')
      bad.extra = [{ path, data: 'x' }]
      await expect(store.save(bad), path).rejects.toThrow(/not a valid file path/)
    }
    expect((await readdir(join(ws, 'runs'))).sort()).toEqual(['20261127-160000-model-0006', A, B].sort())
  })

  it('zips the whole run folder under <id>/ with a safe file name', async () => {
    await store.update(A, { name: 'Line 3 / test?' })
    const { fileName, data } = await store.archive(A)
    expect(fileName).toBe(`line-3-test-${A}.zip`)
    const files = unzipSync(data)
    const names = Object.keys(files).sort()
    expect(names).toEqual(['labels.npy', 'metrics.csv', 'run.json', 'trajectories.npy', 'user.json'].map((n) => `${A}/${n}`))
    for (const n of names) expect(files[n]).toEqual(new Uint8Array(await readFile(join(ws, 'runs', n))))
    await expect(store.archive('20261127-000000-none-0000')).rejects.toMatchObject({ code: 'not-found' })
  })
})
