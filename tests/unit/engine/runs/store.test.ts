import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CancelledError, EngineError } from '../../../../electron/engine/errors'
import { isRunId, newRunId, slugify } from '../../../../electron/engine/runs/ids'
import { metricsCsvHeader } from '../../../../electron/engine/runs/metrics-csv'
import { readNpy } from '../../../../electron/engine/formats/npy'
import { RunStore } from '../../../../electron/engine/runs/store'
import { smallRun } from './manifest-fixture'
import { english, message, type Message } from '../../../../shared/messages'

let ws: string
let store: RunStore
beforeEach(async () => {
  ws = await mkdtemp(join(tmpdir(), 'nagare-store-'))
  store = new RunStore(ws)
})
afterEach(async () => {
  await rm(ws, { recursive: true, force: true })
})

describe('run ids', () => {
  it('are timestamp + slug + suffix and match the contract pattern', () => {
    const id = newRunId('Paper (47): continuous!', new Date(2026, 10, 27, 18, 15, 0))
    expect(id).toMatch(/^20261127-181500-paper-47-continuous-[0-9a-f]{4}$/)
    expect(isRunId(id)).toBe(true)
    expect(slugify('  ')).toBe('run')
    expect(slugify('日本語')).toBe('run')
    expect(slugify('x'.repeat(200)).length).toBe(40)
    expect(isRunId('../etc')).toBe(false)
  })
})

describe('RunStore', () => {
  it('saves a run folder and reads it back', async () => {
    const run = smallRun('20261127-181500-paper-47-a1b2')
    expect(await store.save(run)).toBe('20261127-181500-paper-47-a1b2')
    const dir = join(ws, 'runs', '20261127-181500-paper-47-a1b2')
    expect((await readdir(dir)).sort()).toEqual(['labels.npy', 'metrics.csv', 'run.json', 'trajectories.npy'])
    expect((await readdir(join(ws, 'runs'))).filter((n) => n.startsWith('.'))).toEqual([])
    const m = await store.get('20261127-181500-paper-47-a1b2')
    expect(m).toEqual(run.manifest)
    const t = await store.trajectories('20261127-181500-paper-47-a1b2')
    expect(t.shape).toEqual([3, 4, 2])
    expect(t.depths).toEqual([0, 0.05, 0.1])
    expect(Array.from(t.data)).toEqual(Array.from(run.trajectories))
    expect(Array.from(t.labels!)).toEqual([0, 1, 0, 1])
    const csv = (await readFile(join(dir, 'metrics.csv'), 'utf8')).trim().split('\n')
    expect(csv[0]).toBe('depth,mean_0,mean_1,cov_0_0,cov_0_1,cov_1_1,entropy,entropy_method,sliced_w2_to_input,w2_axis_0,w2_axis_1')
    expect(metricsCsvHeader(2).join(',')).toBe(csv[0])
    expect(csv).toHaveLength(4)
    expect(csv[2]).toBe('0.05,0.1,0,1,0.1,2,2.9,knn,0.01,0.02,0.005')
    const npy = await readNpy(join(dir, 'labels.npy'))
    expect(npy.dtype).toBe('<i4')
  })

  it('a failure mid-write leaves no run folder and earlier runs intact', async () => {
    await store.save(smallRun('20261127-100000-first-0001', '2026-11-27T10:00:00.000Z'))
    const failing = smallRun('20261127-110000-second-0002', '2026-11-27T11:00:00.000Z')
    await expect(
      store.save(failing, {
        beforeFile: (name) => {
          if (name === 'metrics.csv') throw new CancelledError()
        }
      })
    ).rejects.toBeInstanceOf(CancelledError)
    // a manifest that fails validation (NaN is not a number in run.json) also fails after the arrays were written
    const bad = smallRun('20261127-120000-third-0003')
    bad.manifest.metrics[1].entropy = NaN
    await expect(store.save(bad)).rejects.toThrow()
    expect(await readdir(join(ws, 'runs'))).toEqual(['20261127-100000-first-0001'])
    const list = await store.list()
    expect(list.map((r) => r.id)).toEqual(['20261127-100000-first-0001'])
    expect((await store.trajectories('20261127-100000-first-0001')).shape).toEqual([3, 4, 2])
  })

  it('lists newest first, leaves a just-created partial folder (no writer file yet) alone, lists unreadable runs without deleting them', async () => {
    await store.save(smallRun('20261127-100000-old-0001', '2026-11-27T10:00:00.000Z'))
    await store.save(smallRun('20261127-120000-new-0002', '2026-11-27T12:00:00.000Z'))
    await mkdir(join(ws, 'runs', '.partial-20261127-130000-crashed-0003'))
    await writeFile(join(ws, 'runs', '.partial-20261127-130000-crashed-0003', 'trajectories.npy'), 'x')
    const broken = join(ws, 'runs', '20261127-110000-broken-0004')
    await mkdir(broken)
    await writeFile(join(broken, 'run.json'), '{"format": "nagare-run", "formatVersion": 1, ')
    const invalid = join(ws, 'runs', '20261127-090000-invalid-0005')
    await mkdir(invalid)
    await writeFile(join(invalid, 'run.json'), JSON.stringify({ ...smallRun('x').manifest, dimension: 7 }))
    await mkdir(join(ws, 'runs', 'no-manifest'))
    await mkdir(join(ws, 'runs', 'my copy (2)'))
    const list = await store.list()
    expect(list.map((r) => [r.id, r.status])).toEqual(
      expect.arrayContaining([
        ['20261127-120000-new-0002', 'complete'],
        ['20261127-100000-old-0001', 'complete'],
        ['20261127-110000-broken-0004', 'unreadable'],
        ['20261127-090000-invalid-0005', 'unreadable'],
        ['no-manifest', 'unreadable'],
        ['my copy (2)', 'unreadable']
      ])
    )
    expect(list).toHaveLength(6)
    const complete = list.filter((r) => r.status === 'complete')
    expect(complete.map((r) => r.id)).toEqual(['20261127-120000-new-0002', '20261127-100000-old-0001'])
    expect(complete[0]).toMatchObject({
      name: 'paper 47 small',
      backend: 'cpu',
      flow: 'continuous-dae',
      dimension: 2,
      particleCount: 4,
      entropyStart: 3,
      entropyEnd: 2.8
    })
    const problemOf = (id: string): Message => list.find((r) => r.id === id)!.problem!
    expect(problemOf('20261127-110000-broken-0004')).toMatchObject({ key: 'runs.manifestNotJson' })
    expect(english(problemOf('20261127-110000-broken-0004'))).toMatch(/not valid JSON/)
    expect(problemOf('20261127-090000-invalid-0005')).toMatchObject({ key: 'runs.manifestInvalid' })
    expect(english(problemOf('20261127-090000-invalid-0005'))).toMatch(/dimension/)
    expect(problemOf('no-manifest')).toEqual(message('runs.manifestMissing'))
    expect(english(problemOf('no-manifest'))).toMatch(/missing/)
    expect(problemOf('my copy (2)')).toEqual(message('runs.folderNotRunId'))
    expect(english(problemOf('my copy (2)'))).toMatch(/not a valid run id/)
    // nothing was deleted or moved
    expect((await stat(join(broken, 'run.json'))).isFile()).toBe(true)
    expect((await stat(join(ws, 'runs', '.partial-20261127-130000-crashed-0003'))).isDirectory()).toBe(true)
    await expect(store.get('20261127-110000-broken-0004')).rejects.toMatchObject({ code: 'unreadable-run' })
  })

  it('refuses unknown ids and trajectories that disagree with run.json', async () => {
    await expect(store.get('20261127-000000-nothing-0000')).rejects.toMatchObject({ code: 'not-found' })
    await expect(store.get('../../etc')).rejects.toBeInstanceOf(EngineError)
    expect(await new RunStore(join(ws, 'nowhere')).list()).toEqual([])
    const run = smallRun('20261127-181500-shape-a1b2')
    await store.save(run)
    const dir = join(ws, 'runs', '20261127-181500-shape-a1b2')
    const m = JSON.parse(await readFile(join(dir, 'run.json'), 'utf8'))
    m.particleCount = 5
    await writeFile(join(dir, 'run.json'), JSON.stringify(m))
    await expect(store.trajectories('20261127-181500-shape-a1b2')).rejects.toMatchObject({
      code: 'unreadable-run',
      message: expect.stringMatching(/shape \[3, 4, 2\], run.json says \[3, 5, 2\]/)
    })
    m.particleCount = 4
    await writeFile(join(dir, 'run.json'), JSON.stringify(m))
    const npy = await readFile(join(dir, 'trajectories.npy'))
    await writeFile(join(dir, 'trajectories.npy'), npy.subarray(0, npy.length - 8))
    await expect(store.trajectories('20261127-181500-shape-a1b2')).rejects.toMatchObject({
      code: 'unreadable-run',
      message: expect.stringMatching(/truncated/)
    })
  })
})
