// Faults with the real engine host (electron/host/worker.ts in a worker thread under the supervisor):
// many jobs cancelled in a row, the compute thread killed mid-job (the job fails with engine-crashed,
// the crash is logged, the next job works in a fresh engine), and no thread left after dispose.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EngineService, JobEvent } from '../../../shared/contract'
import { RotatingLog } from '../../../electron/engine/logs/rotating-log'
import { createProcessEngineService, type EngineChannel, type SpawnEngine } from '../../../electron/host/supervisor'
import { workerSpawner } from '../../../electron/host/worker-channel'
import { quickSpec, slowSpec } from './fixtures/specs'
import type { MessageParam } from '../../../shared/messages'

const loader = resolve(__dirname, '../host/fixtures/ts-worker.mjs')
const entry = resolve(__dirname, '../../../electron/host/worker.ts')

/** OS threads of this process (Linux); undefined elsewhere */
const threads = (): number | undefined => {
  try {
    return Number(/^Threads:\s+(\d+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))![1])
  } catch {
    return undefined
  }
}

let dir: string
let service: EngineService
const channels: EngineChannel[] = []
const exits: MessageParam[] = []
const events: JobEvent[] = []
let baselineThreads: number | undefined
let whileRunning: number | undefined

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-worker-faults-'))
  baselineThreads = threads()
  const base = workerSpawner(loader, { entry, workspace: join(dir, 'ws'), userData: join(dir, 'userdata'), mode: 'browser', backend: 'cpu' } as never)
  const spawn: SpawnEngine = (handlers) => {
    const ch = base({ message: handlers.message, exit: (reason) => (exits.push(reason), handlers.exit(reason)) })
    channels.push(ch)
    return ch
  }
  const log = new RotatingLog(join(dir, 'userdata', 'logs'))
  service = createProcessEngineService(spawn, { disposeTimeoutMs: 5000, log: (e) => log.write(e) })
  service.onEvent((e) => events.push(e))
})
afterAll(async () => {
  await service.dispose()
  await rm(dir, { recursive: true, force: true })
})

const ended = (jobId: string): JobEvent | undefined => events.find((e) => e.jobId === jobId && ['done', 'failed', 'cancelled'].includes(e.type))
const until = (cond: () => unknown, ms = 60_000): Promise<void> =>
  new Promise((res, rej) => {
    const start = Date.now()
    const t = setInterval(() => {
      if (cond()) res(clearInterval(t))
      else if (Date.now() - start > ms) {
        clearInterval(t)
        rej(new Error('timed out'))
      }
    }, 10)
  })
const start = async (spec: unknown): Promise<string> => {
  const r = await service.call('runs.start', { spec })
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value.jobId
}

describe('the real engine host under faults', () => {
  it('bounds the queue and cancels many jobs in a row', async () => {
    const ids: string[] = []
    for (let i = 0; i < 9; i++) ids.push(await start(slowSpec(`w${i}`)))
    expect(await service.call('runs.start', { spec: slowSpec('too many') })).toMatchObject({ ok: false, error: { code: 'busy' } })
    await until(() => events.some((e) => e.jobId === ids[0] && e.type === 'progress'))
    for (const id of ids) expect(await service.call('jobs.cancel', { jobId: id })).toMatchObject({ ok: true, value: { cancelled: true } })
    await until(() => ids.every(ended))
    expect(ids.map((id) => ended(id)!.type)).toEqual(ids.map(() => 'cancelled'))
    expect(await service.call('runs.list', {})).toEqual({ ok: true, value: [] })
  }, 90_000)

  it('the compute thread dies mid-job: the job fails with the reason, the crash is logged, the next job works', async () => {
    const jobId = await start(slowSpec('doomed'))
    await until(() => events.some((e) => e.jobId === jobId && e.type === 'progress'))
    channels.at(-1)!.kill()
    await until(() => ended(jobId))
    expect(ended(jobId)).toMatchObject({
      type: 'failed',
      error: { code: 'engine-crashed', message: { key: 'engine.crashed', params: { reason: { key: 'engine.exitCode', params: { code: 1 } } } } }
    })
    const lines = (await readFile(join(dir, 'userdata', 'logs', 'nagare.log'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>)
    // the engine in the thread logged the job into the user data folder it was given; the parent logged the crash
    expect(lines.filter((l) => l.jobId === jobId).map((l) => l.event)).toEqual(['job-started', 'job-failed'])
    expect(lines).toContainEqual(expect.objectContaining({ level: 'error', event: 'engine-crashed', message: expect.stringMatching(/exit code 1/) }))
    // the next job starts a fresh engine and completes
    const next = await start(quickSpec('after the crash'))
    await until(() => ended(next))
    expect(ended(next)!.type).toBe('done')
    expect(channels).toHaveLength(2)
    whileRunning = threads()
    const list = await service.call('runs.list', {})
    expect(list.ok && list.value.map((r) => r.status)).toEqual(['complete'])
  }, 120_000)

  it('leaves no engine thread behind after dispose', async () => {
    await service.dispose()
    expect(exits).toHaveLength(channels.length)
    const now = threads()
    if (baselineThreads !== undefined && now !== undefined && whileRunning !== undefined) {
      // the measure is alive: the engine thread (and its pool) showed up while it ran, and is gone now
      expect(whileRunning).toBeGreaterThan(baselineThreads)
      expect(now).toBeLessThanOrEqual(baselineThreads)
    }
    expect(await service.call('engine.info', {})).toMatchObject({ ok: false, error: { code: 'engine-crashed' } })
  })
})
