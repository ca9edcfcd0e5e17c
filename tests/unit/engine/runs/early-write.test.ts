// Writing a run's trajectories while its metrics are computed (RunFolderWriter.start, the run store's
// beginSave): the folder must hold byte for byte what the all-at-the-end write gives, the trajectories
// handed over early must be the run's final ones, and a cancel or failure while that write is in flight
// must leave no partial folder (nor remove a folder the writer did not make).
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { JobEvent } from '../../../../shared/contract'
import { CancelledError } from '../../../../electron/engine/errors'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import type { Transported } from '../../../../electron/engine/jobs/run-tail'
import { runExperiment } from '../../../../electron/engine/jobs/runner'
import { RunFolderWriter, writeRunFolder } from '../../../../electron/engine/runs/run-folder'
import { RunStore } from '../../../../electron/engine/runs/store'
import { closeEngineService, openEngineService, waitForJobEnd } from '../service-fixture'
import { smallRun } from './manifest-fixture'

const spec = (count: number, samples = 6) => ({
  version: 1,
  name: 'early write',
  seed: 3,
  distribution: { kind: 'preset', name: 'paper-47' },
  particles: { kind: 'sample', count },
  flow: { kind: 'continuous-dae' },
  integration: { solver: 'rk4', depth: 0.2, stepSize: 0.01, samples }
})

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-early-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** every file under `root` (relative path -> bytes) */
async function files(root: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>()
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue
    const path = join(e.parentPath, e.name)
    out.set(path.slice(root.length + 1), await readFile(path))
  }
  return out
}

describe('the trajectories written while the metrics run', () => {
  it('give the same folder, byte for byte, as writing everything at the end', async () => {
    let early: Transported | undefined
    let copy: Float32Array | undefined
    const writer = new RunFolderWriter(join(dir, '.early.partial'))
    const content = await runExperiment(spec(500), {
      ctx: createJobContext(new AbortController().signal),
      backend: 'cpu',
      onTransported: (t) => {
        early = t
        copy = t.trajectories.slice()
        writer.start(t.trajectories, t.shape)
      }
    })
    // handed over before the metrics: the run's own array, its shape and id, untouched by the metrics
    expect(early?.trajectories).toBe(content.trajectories)
    expect(early?.id).toBe(content.manifest.id)
    expect(early?.shape).toEqual([6, 500, 2])
    expect(copy).toStrictEqual(content.trajectories)
    await writer.finish(join(dir, 'early'), content)
    await writeRunFolder(join(dir, 'late'), join(dir, '.late.partial'), content)
    const a = await files(join(dir, 'early'))
    const b = await files(join(dir, 'late'))
    expect([...a.keys()].sort()).toEqual(['labels.npy', 'metrics.csv', 'run.json', 'trajectories.npy'])
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort())
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true)
    expect((await readdir(dir)).sort()).toEqual(['early', 'late'])
  })

  it('are removed with the partial folder when the write is given up while they are still being written', async () => {
    const run = smallRun('20261127-181500-early-0001')
    // large enough that discard() comes while the file is still being written
    const big = new Float32Array(16 * 1024 * 1024).fill(1.5)
    const writer = new RunFolderWriter(join(dir, '.partial-a'))
    writer.start(big, [1, big.length / 2, 2])
    await writer.discard()
    expect(await readdir(dir)).toEqual([])
    // a hook's cancel after an early start: the same
    const second = new RunFolderWriter(join(dir, '.partial-b'))
    second.start(run.trajectories, [3, 4, 2])
    await expect(
      second.finish(join(dir, 'run'), run, {
        beforeFile: () => {
          throw new CancelledError()
        }
      })
    ).rejects.toBeInstanceOf(CancelledError)
    expect(await readdir(dir)).toEqual([])
  })

  it('fail the finish when the partial folder is taken, and leave that folder alone', async () => {
    const run = smallRun('20261127-181500-early-0002')
    const taken = join(dir, '.partial-taken')
    await mkdir(taken)
    await writeFile(join(taken, 'someone-else.txt'), 'mine')
    const writer = new RunFolderWriter(taken)
    writer.start(run.trajectories, [3, 4, 2])
    await expect(writer.finish(join(dir, 'run'), run)).rejects.toMatchObject({ code: 'EEXIST' })
    expect(await readdir(dir)).toEqual(['.partial-taken'])
    expect(await readdir(taken)).toEqual(['someone-else.txt'])
  })

  it('leave nothing in the run store when the job is cancelled during the metrics', async () => {
    const events: JobEvent[] = []
    const { ws, service } = await openEngineService('nagare-early-service-', events)
    const begin = vi.spyOn(RunStore.prototype, 'beginSave')
    try {
      // enough particles and samples that the metrics take a while after the early write began
      const started = await service.call('runs.start', { spec: spec(60_000, 40) })
      if (!started.ok) throw new Error('not started')
      const jobId = started.value.jobId
      await new Promise<void>((resolve) => {
        const off = service.onEvent((e) => {
          if (e.jobId === jobId && e.type === 'progress' && e.message?.key === 'engine.progressMetrics') {
            off()
            resolve()
          }
        })
      })
      expect(begin).toHaveBeenCalledTimes(1)
      expect(await service.call('jobs.cancel', { jobId })).toEqual({ ok: true, value: { cancelled: true } })
      expect((await waitForJobEnd(events, jobId)).type).toBe('cancelled')
      expect(await readdir(join(ws, 'runs'))).toEqual([])
    } finally {
      begin.mockRestore()
      await closeEngineService(service, ws)
    }
  })
})
