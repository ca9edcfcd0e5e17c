// The supervising proxy over real worker threads: calls, events, crash mid-call (engine-crashed,
// running jobs failed, respawn on the next call), uncaught errors, dispose; plus edge cases on a fake channel.
import { afterEach, describe, expect, it } from 'vitest'
import { resolve } from 'node:path'
import type { EngineService, JobEvent } from '../../../shared/contract'
import { createProcessEngineService, type ChannelHandlers, type SpawnEngine } from '../../../electron/host/supervisor'
import { workerSpawner } from '../../../electron/host/worker-channel'
import type { ParentMessage } from '../../../electron/host/protocol'
import { english, message } from '../../../shared/messages'

const fixture = resolve(__dirname, 'fixtures/crashy-worker.mjs')
const config = { workspace: '/tmp/nagare-fixture', mode: 'browser' as const }

let services: EngineService[] = []
afterEach(async () => {
  await Promise.all(services.map((s) => s.dispose()))
  services = []
})

function counted(spawn: SpawnEngine): { spawn: SpawnEngine; count: () => number } {
  let n = 0
  return { spawn: (h) => (n++, spawn(h)), count: () => n }
}

function make(spawn: SpawnEngine): EngineService {
  const s = createProcessEngineService(spawn, { disposeTimeoutMs: 2000 })
  services.push(s)
  return s
}

const nextEvent = (s: EngineService, pred: (e: JobEvent) => boolean): Promise<JobEvent> =>
  new Promise((res) => {
    const off = s.onEvent((e) => {
      if (pred(e)) {
        off()
        res(e)
      }
    })
  })

describe('createProcessEngineService over a worker thread', () => {
  it('forwards calls and pushes job events', async () => {
    const s = make(workerSpawner(fixture, config))
    const info = await s.call('engine.info', {})
    expect(info.ok && info.value.workspace).toBe('/tmp/nagare-fixture')
    const started = nextEvent(s, (e) => e.type === 'started')
    const progress = nextEvent(s, (e) => e.type === 'progress')
    const r = await s.call('runs.start', { spec: {} })
    expect(r).toEqual({ ok: true, value: { jobId: 'job-1' } })
    expect(await started).toEqual({ jobId: 'job-1', type: 'started', name: 'fixture' })
    expect(await progress).toMatchObject({ jobId: 'job-1', fraction: 0.5 })
    const nf = await s.call('runs.list', {})
    expect(nf).toEqual({ ok: false, error: { code: 'not-found', message: message('runs.noRun', { id: 'runs.list' }) } })
  })

  it('a crash mid-call fails the call and the running job, and the next call respawns', async () => {
    const c = counted(workerSpawner(fixture, config))
    const s = make(c.spawn)
    const first = await s.call('engine.info', {})
    const firstThread = first.ok ? (first.value as unknown as { threadId: number }).threadId : -1
    const started = await s.call('runs.start', { spec: {} })
    expect(started.ok).toBe(true)
    const failed = nextEvent(s, (e) => e.type === 'failed')
    // two calls in flight when the child exits: both must resolve, as data
    const [a, b] = await Promise.all([s.call('runs.get', { id: 'hang' }), s.call('runs.get', { id: 'exit' })])
    for (const r of [a, b]) {
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('engine-crashed')
        expect(english(r.error.message)).toContain('exit code 7')
      }
    }
    const ev = await failed
    expect(ev.jobId).toBe('job-1')
    expect(ev.type === 'failed' && ev.error.code).toBe('engine-crashed')
    expect(ev.type === 'failed' && ev.error.message).toEqual(message('engine.crashed', { reason: message('engine.exitCode', { code: 7 }) }))
    expect(c.count()).toBe(1)

    const again = await s.call('engine.info', {})
    expect(again.ok).toBe(true)
    expect(c.count()).toBe(2)
    const secondThread = again.ok ? (again.value as unknown as { threadId: number }).threadId : -1
    expect(secondThread).not.toBe(firstThread)
    // the fresh child works for jobs too, and the old job is not reported twice
    const seen: JobEvent[] = []
    s.onEvent((e) => seen.push(e))
    expect((await s.call('runs.start', { spec: {} })).ok).toBe(true)
    await nextEvent(s, (e) => e.type === 'progress')
    expect(seen.every((e) => e.type !== 'failed')).toBe(true)
  })

  it('an uncaught error in the child is reported with its message', async () => {
    const s = make(workerSpawner(fixture, config))
    const r = await s.call('runs.get', { id: 'throw' })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('engine-crashed')
      expect(english(r.error.message)).toContain('fixture blew up on purpose')
    }
  })

  it('dispose runs the handshake, stops the child and refuses later calls', async () => {
    const c = counted(workerSpawner(fixture, config))
    const s = createProcessEngineService(c.spawn, { disposeTimeoutMs: 2000 })
    const seen: JobEvent[] = []
    s.onEvent((e) => seen.push(e))
    expect((await s.call('engine.info', {})).ok).toBe(true)
    await s.dispose()
    expect(seen).toEqual([{ jobId: 'disposing', type: 'cancelled' }])
    const after = await s.call('engine.info', {})
    expect(after.ok).toBe(false)
    expect(c.count()).toBe(1)
  })
})

describe('createProcessEngineService edge cases (fake channel)', () => {
  it('a spawn that throws becomes engine-crashed, and a later call retries', async () => {
    let attempts = 0
    let handlers: ChannelHandlers | undefined
    const sent: ParentMessage[] = []
    const s = make((h) => {
      attempts++
      if (attempts === 1) throw new Error('no such file')
      handlers = h
      return { send: (m) => ('control' in m ? h.exit('disposed') : sent.push(m)), kill: () => h.exit('killed') }
    })
    const r1 = await s.call('engine.info', {})
    expect(r1.ok).toBe(false)
    if (!r1.ok) expect(r1.error.code).toBe('engine-crashed')
    if (!r1.ok) expect(english(r1.error.message)).toContain('no such file')
    const p = s.call('engine.info', {})
    expect(attempts).toBe(2)
    expect(sent).toEqual([{ id: expect.any(Number), method: 'engine.info', request: {} }])
    handlers!.message({ id: (sent[0] as { id: number }).id, result: { ok: true, value: 'hi' } })
    expect(await p).toEqual({ ok: true, value: 'hi' })
  })

  it('ignores malformed and unknown messages, and a listener that throws does not starve others', async () => {
    let handlers: ChannelHandlers | undefined
    const s = make((h) => ((handlers = h), { send: (m) => 'control' in m && h.exit('disposed'), kill: () => h.exit('killed') }))
    const p = s.call('engine.info', {})
    const got: JobEvent[] = []
    s.onEvent(() => {
      throw new Error('bad listener')
    })
    s.onEvent((e) => got.push(e))
    handlers!.message(null)
    handlers!.message({ id: 999, result: { ok: true, value: 1 } })
    handlers!.message({ id: 1, result: 'nope' })
    handlers!.message({ event: { jobId: 'x', type: 'started', name: 'n' } })
    expect(got).toEqual([{ jobId: 'x', type: 'started', name: 'n' }])
    handlers!.exit('signal SIGKILL')
    const r = await p
    expect(r.ok === false && r.error.code).toBe('engine-crashed')
    expect(got[1]).toMatchObject({ jobId: 'x', type: 'failed', error: { code: 'engine-crashed' } })
  })

  it('finished jobs are not failed again when the child dies later', async () => {
    let handlers: ChannelHandlers | undefined
    const s = make((h) => ((handlers = h), { send: (m) => 'control' in m && h.exit('disposed'), kill: () => h.exit('killed') }))
    void s.call('engine.info', {})
    const got: JobEvent[] = []
    s.onEvent((e) => got.push(e))
    handlers!.message({ event: { jobId: 'a', type: 'started', name: 'n' } })
    handlers!.message({ event: { jobId: 'a', type: 'done', runId: 'r' } })
    handlers!.message({ event: { jobId: 'b', type: 'started', name: 'n' } })
    handlers!.exit('exit code 1')
    expect(got.filter((e) => e.type === 'failed').map((e) => e.jobId)).toEqual(['b'])
  })
})
