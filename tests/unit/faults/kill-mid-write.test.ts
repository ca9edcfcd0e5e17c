// Fault: the process is killed (SIGKILL, no cleanup) while a run is being written. A real child
// process saves a run through the real store and is killed mid-write; the earlier runs stay intact,
// the partial run is set aside as incomplete and is never listed or opened as complete.
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RunStore } from '../../../electron/engine/runs/store'
import { smallRun } from '../engine/runs/manifest-fixture'
import { english, message } from '../../../shared/messages'

const writer = resolve(__dirname, 'fixtures/slow-writer.mjs')
const EARLIER = '20261127-100000-earlier-0001'
const KILLED = '20261127-130000-killed-0002'

let ws: string
beforeEach(async () => {
  ws = await mkdtemp(join(tmpdir(), 'nagare-kill-'))
})
afterEach(async () => {
  await rm(ws, { recursive: true, force: true })
})

/** Start the writer, wait until it stalls before `stallAt`, kill -9 it, and wait for it to be gone. */
async function killDuringWrite(stallAt: string): Promise<string> {
  const child = spawn(process.execPath, [writer, ws, KILLED, stallAt], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, signal) => res(signal)))
  await new Promise<void>((res, rej) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes(`before ${stallAt}\n`)) res()
    })
    child.on('exit', () => rej(new Error(`writer exited early: ${out} ${err}`)))
  })
  child.kill('SIGKILL')
  expect(await exited).toBe('SIGKILL')
  return out
}

describe('kill -9 while a run is being written', () => {
  it.each(['metrics.csv', 'run.json'])('stalled before %s: earlier run intact, partial set aside as incomplete', async (stallAt) => {
    const store = new RunStore(ws)
    await store.save(smallRun(EARLIER, '2026-11-27T10:00:00.000Z'))
    const earlierDir = join(ws, 'runs', EARLIER)
    const earlierFiles = await Promise.all((await readdir(earlierDir)).sort().map(async (f) => [f, await readFile(join(earlierDir, f))] as const))

    const out = await killDuringWrite(stallAt)
    expect(out).toContain('before trajectories.npy')
    expect(out).not.toContain('saved')
    // what the kill left: a partial folder with the files written so far
    expect((await readdir(join(ws, 'runs'))).sort()).toEqual([`.partial-${KILLED}`, EARLIER])

    const list = await store.list()
    expect(list.map((r) => [r.id, r.status]).sort()).toEqual([
      [EARLIER, 'complete'],
      [KILLED, 'incomplete']
    ])
    const problem = list.find((r) => r.id === KILLED)!.problem!
    expect(problem).toEqual(message('runs.interrupted'))
    expect(english(problem)).toMatch(/interrupted while it was being saved/)
    await expect(store.get(KILLED)).rejects.toMatchObject({ code: 'unreadable-run' })
    await expect(store.trajectories(KILLED)).rejects.toMatchObject({ code: 'unreadable-run' })
    // set aside, not deleted: the bytes written before the kill are kept with a reason file
    const aside = join(ws, 'runs', '.incomplete', KILLED)
    const kept = await readdir(aside)
    expect(kept).toEqual(expect.arrayContaining(['trajectories.npy', 'labels.npy', 'incomplete.json']))
    expect(kept).not.toContain('run.json')
    expect(JSON.parse(await readFile(join(aside, 'incomplete.json'), 'utf8'))).toMatchObject({ folder: `.partial-${KILLED}` })
    // the earlier run is byte-identical and still opens
    for (const [f, bytes] of earlierFiles) expect(await readFile(join(earlierDir, f))).toEqual(bytes)
    expect((await store.trajectories(EARLIER)).shape).toEqual([3, 4, 2])
    // listing again is stable, and the next save works
    expect((await store.list()).map((r) => r.status).sort()).toEqual(['complete', 'incomplete'])
    await store.save(smallRun('20261127-140000-next-0003', '2026-11-27T14:00:00.000Z'))
    expect((await store.list()).map((r) => [r.id, r.status])).toEqual([
      [KILLED, 'incomplete'],
      ['20261127-140000-next-0003', 'complete'],
      [EARLIER, 'complete']
    ])
  })
})
