// Fault: a corrupt or hand-edited run.json, a missing or truncated trajectories.npy, through the engine
// service: each answer names the problem, the rest of the history still works, and nothing is deleted
// or changed (the workspace's files and bytes are compared before and after).
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, stat, truncate, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EngineService } from '../../../shared/contract'
import { RunStore } from '../../../electron/engine/runs/store'
import { createEngineService } from '../../../electron/engine/service'
import { smallRun } from '../engine/runs/manifest-fixture'
import { english, message } from '../../../shared/messages'

const GOOD = '20261127-090000-good-0001'
const BROKEN_JSON = '20261127-100000-broken-json-0002'
const EDITED = '20261127-110000-edited-0003'
const NO_TRAJ = '20261127-120000-no-trajectories-0004'
const SHORT_TRAJ = '20261127-130000-short-trajectories-0005'

let ws: string
let service: EngineService

/** every file under the runs folder with a hash of its bytes */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) await walk(p)
      else
        out[relative(dir, p)] = createHash('sha256')
          .update(await readFile(p))
          .digest('hex')
    }
  }
  await walk(dir)
  return out
}

beforeAll(async () => {
  ws = await mkdtemp(join(tmpdir(), 'nagare-corrupt-'))
  const store = new RunStore(ws)
  for (const [id, at] of [
    [GOOD, '09'],
    [BROKEN_JSON, '10'],
    [EDITED, '11'],
    [NO_TRAJ, '12'],
    [SHORT_TRAJ, '13']
  ])
    await store.save(smallRun(id, `2026-11-27T${at}:00:00.000Z`))
  await writeFile(join(ws, 'runs', BROKEN_JSON, 'run.json'), '{"format": "nagare-run", "formatVersion": 1, "id": ')
  const edited = JSON.parse(await readFile(join(ws, 'runs', EDITED, 'run.json'), 'utf8')) as Record<string, unknown>
  edited.particleCount = 'four'
  await writeFile(join(ws, 'runs', EDITED, 'run.json'), JSON.stringify(edited))
  await unlink(join(ws, 'runs', NO_TRAJ, 'trajectories.npy'))
  const t = join(ws, 'runs', SHORT_TRAJ, 'trajectories.npy')
  await truncate(t, (await stat(t)).size - 10)
  service = await createEngineService({ workspace: ws, mode: 'in-process', backend: 'cpu' })
})
afterAll(async () => {
  await service.dispose()
  await rm(ws, { recursive: true, force: true })
})

describe('a damaged history', () => {
  it('lists every run, names each problem, opens the good ones, and changes nothing', async () => {
    const before = await snapshot(join(ws, 'runs'))
    const list = await service.call('runs.list', {})
    if (!list.ok) throw new Error(english(list.error.message))
    const byId = Object.fromEntries(list.value.map((r) => [r.id, r]))
    expect(list.value).toHaveLength(5)
    // each problem is a Message; its English names the problem as before
    const problemText = (id: string): string => english(byId[id].problem!)
    expect(byId[BROKEN_JSON]).toMatchObject({ status: 'unreadable', problem: { key: 'runs.manifestNotJson' } })
    expect(problemText(BROKEN_JSON)).toMatch(/run\.json is not valid JSON/)
    expect(byId[EDITED]).toMatchObject({ status: 'unreadable', problem: { key: 'runs.manifestInvalid' } })
    expect(problemText(EDITED)).toMatch(/run\.json does not describe a run: field particleCount: Enter a number\./)
    // the trajectories' header and size are checked when listing: a missing or truncated file is named
    expect(byId[GOOD].status).toBe('complete')
    expect(byId[NO_TRAJ]).toMatchObject({ status: 'unreadable', problem: message('runs.runFileMissing', { id: NO_TRAJ, file: 'trajectories.npy' }) })
    expect(problemText(NO_TRAJ)).toBe(`run ${NO_TRAJ}: trajectories.npy is missing`)
    expect(byId[SHORT_TRAJ]).toMatchObject({
      status: 'unreadable',
      problem: { key: 'runs.runUnreadable', params: { id: SHORT_TRAJ, problem: { key: 'runs.npyTruncated', params: { label: 'trajectories.npy' } } } }
    })
    expect(problemText(SHORT_TRAJ)).toMatch(
      new RegExp(`^run ${SHORT_TRAJ} cannot be read: trajectories\\.npy: truncated: shape \\[3, 4, 2\\] needs \\d+ bytes, the file has \\d+$`)
    )

    expect(await service.call('runs.get', { id: BROKEN_JSON })).toMatchObject({
      ok: false,
      error: { code: 'unreadable-run', message: { key: 'runs.runUnreadable', params: { id: BROKEN_JSON, problem: { key: 'runs.manifestNotJson' } } } }
    })
    expect(await service.call('runs.get', { id: EDITED })).toMatchObject({
      ok: false,
      error: {
        code: 'unreadable-run',
        message: { key: 'runs.runUnreadable', params: { problem: { key: 'runs.manifestInvalid', params: { issues: { params: { field: 'particleCount' } } } } } }
      }
    })
    expect(await service.call('runs.trajectories', { id: NO_TRAJ })).toMatchObject({
      ok: false,
      error: { code: 'unreadable-run', message: { key: 'runs.runFileMissing', params: { id: NO_TRAJ, file: 'trajectories.npy' } } }
    })
    expect(await service.call('runs.trajectories', { id: SHORT_TRAJ })).toMatchObject({
      ok: false,
      error: { code: 'unreadable-run', message: { key: 'runs.runFileUnreadable', params: { file: 'trajectories.npy', detail: { key: 'runs.npyTruncated' } } } }
    })

    // the rest of the history still works
    const good = await service.call('runs.trajectories', { id: GOOD })
    expect(good.ok && good.value.shape).toEqual([3, 4, 2])
    expect(good.ok && Array.from(good.value.data)).toEqual(Array.from(smallRun(GOOD).trajectories))
    expect((await service.call('runs.get', { id: NO_TRAJ })).ok).toBe(true)
    const renamed = await service.call('runs.update', { id: GOOD, name: 'still fine' })
    expect(renamed).toMatchObject({ ok: true, value: { name: 'still fine', status: 'complete' } })
    const archive = await service.call('runs.archive', { id: BROKEN_JSON })
    expect(archive.ok && archive.value.fileName).toBe(`run-${BROKEN_JSON}.zip`)

    // nothing deleted or changed, except the one user.json written by the rename
    const after = await snapshot(join(ws, 'runs'))
    expect(Object.keys(after).filter((k) => !(k in before))).toEqual([join(GOOD, 'user.json')])
    for (const [k, h] of Object.entries(before)) expect(after[k], k).toBe(h)
  })
})
