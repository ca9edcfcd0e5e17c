// The real child side (serveEngine) in a real worker thread, loaded through tsx: payloads are parsed
// again in the child, thrown errors become data, typed arrays survive, dispose reaches the service.
import { afterEach, describe, expect, it } from 'vitest'
import { resolve } from 'node:path'
import type { EngineService, JobEvent } from '../../../shared/contract'
import { createProcessEngineService } from '../../../electron/host/supervisor'
import { workerSpawner } from '../../../electron/host/worker-channel'
import { hostArgs, parseHostArgs, parseHostConfig } from '../../../electron/host/protocol'
import { message } from '../../../shared/messages'

const loader = resolve(__dirname, 'fixtures/ts-worker.mjs')
const entry = resolve(__dirname, 'fixtures/fake-host.ts')

let service: EngineService | undefined
afterEach(async () => {
  await service?.dispose()
  service = undefined
})

const start = (): EngineService => (service = createProcessEngineService(workerSpawner(loader, { entry } as never), { disposeTimeoutMs: 3000 }))

describe('serveEngine in a worker thread', () => {
  it('answers, re-validates payloads, turns throws into data and keeps typed arrays', async () => {
    const s = start()
    const events: JobEvent[] = []
    s.onEvent((e) => events.push(e))
    expect(await s.call('engine.info', {})).toMatchObject({ ok: true, value: { appVersion: 'fake' } })
    // a payload the parent would have refused must be refused by the child as well
    const bad = await s.call('runs.get', { id: '../etc', extra: 1 } as never)
    expect(bad.ok === false && bad.error.code).toBe('invalid-request')
    const unknown = await s.call('nope' as never, {} as never)
    expect(unknown.ok === false && unknown.error.code).toBe('invalid-request')
    const thrown = await s.call('runs.get', { id: 'boom' })
    expect(thrown).toEqual({ ok: false, error: { code: 'internal', message: message('errmsg.internal', { detail: 'service threw' }) } })
    const t = await s.call('runs.trajectories', { id: 'r1' })
    expect(t.ok).toBe(true)
    if (t.ok) {
      expect(t.value.data).toBeInstanceOf(Float32Array)
      expect([...t.value.data]).toEqual([1.5, -2.5])
      expect(t.value.labels).toBeInstanceOf(Int32Array)
    }
    await s.call('runs.start', { spec: {} })
    await new Promise((r) => setTimeout(r, 50))
    expect(events).toEqual([{ jobId: 'j1', type: 'started', name: 'fake' }])
    await s.dispose()
    // the service's own dispose ran in the child (it emits 'cancelled' for its job)
    expect(events.at(-1)).toEqual({ jobId: 'j1', type: 'cancelled' })
  })
})

describe('host configuration', () => {
  it('round-trips through argv and refuses bad values', () => {
    const c = { workspace: '/w s/x', mode: 'desktop' as const, backend: 'wasm' }
    expect(parseHostArgs(['electron', 'utility.js', ...hostArgs(c)])).toEqual(c)
    expect(parseHostArgs(hostArgs({ workspace: '/w', mode: 'browser' }))).toEqual({ workspace: '/w', mode: 'browser' })
    expect(() => parseHostConfig({ workspace: '', mode: 'desktop' })).toThrow(/workspace/)
    expect(() => parseHostConfig({ workspace: '/w', mode: 'server' })).toThrow(/mode/)
    expect(() => parseHostConfig({ workspace: '/w', mode: 'desktop', backend: 3 })).toThrow(/backend/)
    expect(() => parseHostArgs(['--mode', 'desktop'])).toThrow(/workspace/)
  })
})
