// The engine service in-process: every contract method, errors as data, runs as queued jobs.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { METHOD_NAMES, type EngineService, type JobEvent } from '../../../shared/contract'
import { RunManifestSchema } from '../../../shared/run'
import { tf } from '../../../electron/engine/backend'
import { closeEngineService, openEngineService, waitForJobEnd } from './service-fixture'
import { english } from '../../../shared/messages'

let ws: string
let service: EngineService
const events: JobEvent[] = []
let baseline: number

beforeAll(async () => {
  ;({ ws, service } = await openEngineService('nagare-service-', events, null))
  baseline = tf.memory().numTensors
})
afterAll(async () => {
  await closeEngineService(service, ws)
})

const spec = (count: number, stepSize = 0.01) => ({
  version: 1,
  name: 'service paper-47',
  distribution: { kind: 'preset', name: 'paper-47' },
  particles: { kind: 'sample', count },
  flow: { kind: 'continuous-dae' },
  integration: { solver: 'rk4', depth: 0.2, stepSize, samples: 5 }
})

const waitForEnd = (jobId: string): Promise<JobEvent> => waitForJobEnd(events, jobId)

describe('engine service', () => {
  it('engine.info and spec.validate', async () => {
    const info = await service.call('engine.info', {})
    expect(info).toMatchObject({ ok: true, value: { mode: 'in-process', workspace: ws } })
    if (!info.ok) return
    expect(['tensorflow', 'wasm', 'cpu']).toContain(info.value.backend)
    expect(info.value.available).toContain(info.value.backend)
    expect(info.value.appVersion).toMatch(/^\d+\.\d+\.\d+/)
    const good = await service.call('spec.validate', { spec: spec(10) })
    expect(good).toMatchObject({ ok: true, value: { ok: true } })
    const bad = await service.call('spec.validate', { spec: { ...spec(10), particles: { kind: 'sample', count: -1 } } })
    expect(bad).toMatchObject({ ok: true, value: { ok: false, errors: [{ field: 'particles.count' }] } })
  })

  it('runs.start refuses an invalid spec at once with its fields', async () => {
    const r = await service.call('runs.start', {
      spec: { ...spec(10), flow: { kind: 'continuous-dae' }, integration: { solver: 'rk4', depth: 0.5, stepSize: 0.01, samples: 5 } }
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid-spec')
    expect(r.error.fields?.map((f) => f.field)).toContain('integration.depth')
    expect(r.error.message.key).toBe('engine.invalidSpec')
    expect(r.error.fields?.find((f) => f.field === 'integration.depth')?.message.key).toBe('spec.depthPastSingular')
  })

  it('runs a job to a run that runs.list, runs.get and runs.trajectories return', async () => {
    const started = await service.call('runs.start', { spec: spec(200) })
    expect(started.ok).toBe(true)
    if (!started.ok) return
    const end = await waitForEnd(started.value.jobId)
    expect(end.type).toBe('done')
    const runId = (end as { runId: string }).runId
    const types = events.filter((e) => e.jobId === started.value.jobId).map((e) => e.type)
    expect(types[0]).toBe('started')
    expect(types.filter((t) => t === 'done')).toHaveLength(1)
    const list = await service.call('runs.list', {})
    expect(list.ok && list.value.map((r) => r.id)).toContain(runId)
    const got = await service.call('runs.get', { id: runId })
    expect(got.ok).toBe(true)
    if (got.ok) expect(RunManifestSchema.parse(got.value).particleCount).toBe(200)
    const traj = await service.call('runs.trajectories', { id: runId })
    expect(traj.ok).toBe(true)
    if (traj.ok) {
      expect(traj.value.shape).toEqual([5, 200, 2])
      expect(traj.value.data).toBeInstanceOf(Float32Array)
      expect(traj.value.data.length).toBe(5 * 200 * 2)
      expect(traj.value.labels?.length).toBe(200)
    }
    expect(tf.memory().numTensors).toBe(baseline)
  })

  it('jobs.cancel stops a running job and leaves no run behind', async () => {
    const before = (await readdir(join(ws, 'runs'))).length
    const started = await service.call('runs.start', { spec: spec(20_000, 0.0005) })
    if (!started.ok) throw new Error(english(started.error.message))
    const jobId = started.value.jobId
    await new Promise<void>((resolve) => {
      const off = service.onEvent((e) => {
        if (e.jobId === jobId && e.type === 'progress') {
          off()
          resolve()
        }
      })
    })
    expect(await service.call('jobs.cancel', { jobId })).toEqual({ ok: true, value: { cancelled: true } })
    expect((await waitForEnd(jobId)).type).toBe('cancelled')
    expect(await service.call('jobs.cancel', { jobId })).toEqual({ ok: true, value: { cancelled: false } })
    expect((await readdir(join(ws, 'runs'))).length).toBe(before)
    expect(tf.memory().numTensors).toBe(baseline)
  })

  it('never throws: bad requests, unknown runs and unknown methods come back as errors', async () => {
    const call = service.call as (m: string, r: unknown) => ReturnType<EngineService['call']>
    expect(await call('runs.get', { id: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(await call('runs.get', { id: '20260101-000000-nothing-0000' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await call('runs.trajectories', { id: 'nothing' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await call('nope.method', {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(await call('runs.start', { spec: null })).toMatchObject({ ok: false, error: { code: 'invalid-spec' } })
    expect(await call('runs.start', null)).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(await call('jobs.cancel', { jobId: 'bad id!' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    for (const m of METHOD_NAMES) {
      const r = await call(m, { junk: true })
      expect(r.ok).toBe(false)
    }
  })

  it('run management: rename and tag, trash and restore, archive, through the contract', async () => {
    const started = await service.call('runs.start', { spec: spec(20) })
    if (!started.ok) throw new Error(english(started.error.message))
    const runId = ((await waitForEnd(started.value.jobId)) as { runId: string }).runId
    const updated = await service.call('runs.update', { id: runId, name: '  Renamed  ', tags: ['a', 'b'] })
    expect(updated).toMatchObject({ ok: true, value: { id: runId, name: 'Renamed', tags: ['a', 'b'], template: 'dae', status: 'complete' } })
    expect(await service.call('runs.trash', { id: runId })).toEqual({ ok: true, value: { id: runId } })
    const listed = await service.call('runs.list', {})
    expect(listed.ok && listed.value.map((r) => r.id)).not.toContain(runId)
    const trash = await service.call('runs.list', { trash: true })
    expect(trash).toMatchObject({ ok: true, value: [{ id: runId, name: 'Renamed', tags: ['a', 'b'] }] })
    expect(trash.ok && typeof trash.value[0].trashedAt).toBe('string')
    expect(await service.call('runs.restore', { id: runId })).toEqual({ ok: true, value: { id: runId } })
    expect(await service.call('runs.restore', { id: runId })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    const archive = await service.call('runs.archive', { id: runId })
    if (!archive.ok) throw new Error(english(archive.error.message))
    expect(archive.value.fileName).toBe(`renamed-${runId}.zip`)
    expect(archive.value.data).toBeInstanceOf(Uint8Array)
    // a zip: local file header signature, and the end-of-central-directory record at the end
    expect(Array.from(archive.value.data.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04])
    expect(Array.from(archive.value.data.subarray(-22, -18))).toEqual([0x50, 0x4b, 0x05, 0x06])
  })

  it('settings and diagnostics through the contract', async () => {
    expect(await service.call('settings.get', {})).toMatchObject({ ok: true, value: { settings: { language: 'auto', backend: 'auto' } } })
    const set = await service.call('settings.set', { settings: { language: 'ja' } })
    expect(set).toMatchObject({ ok: true, value: { settings: { language: 'ja' } } })
    expect(await service.call('settings.set', { settings: { language: 'xx' } } as never)).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    const diag = await service.call('diagnostics.get', {})
    expect(diag.ok && diag.value.text).toMatch(/^Nagare diagnostics\n/)
  })
})
