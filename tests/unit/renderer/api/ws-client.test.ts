// The renderer's WebSocket transport against the real browser-mode server (fake engine service):
// calls with ids, binary trajectories, job events, calls failed as data when the socket drops,
// reconnection with backoff, and the transport choice (preload api vs WebSocket).
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import WebSocket from 'ws'
import { METHOD_NAMES, type EngineService, type JobEvent, type Method } from '../../../../shared/contract'
import { createWebSocketApi, type SocketConstructor, type WsApi } from '../../../../renderer/src/api/ws-client'
import { isPreloadApi, selectApi, socketUrl } from '../../../../renderer/src/api/select'
import { message } from '@shared/messages'

// The server and the fake service are Node-side modules outside this (web) TypeScript project, so
// they are loaded by path at run time and described by these local types.
interface RunningServer {
  port: number
  close(): Promise<void>
}
interface FakeService extends EngineService {
  calls: { method: Method; request: unknown }[]
  emit(event: JobEvent): void
}
let startServer: (o: { service: EngineService; staticDir: string; token?: string; port?: number }) => Promise<RunningServer>
let fakeService: () => FakeService
beforeAll(async () => {
  const serverPath = resolve(__dirname, '../../../../electron/server/server.ts')
  const fakePath = resolve(__dirname, '../../server/fake-service.ts')
  ;({ startServer } = await import(/* @vite-ignore */ serverPath))
  ;({ fakeService } = await import(/* @vite-ignore */ fakePath))
})

const TOKEN = 'client-test-token-42'
const staticDir = mkdtempSync(join(tmpdir(), 'nagare-client-'))
const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f()
})

/** What a browser does implicitly: send our page's Origin. */
function socketFor(port: number): SocketConstructor {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { origin: `http://127.0.0.1:${port}` })
    }
  } as unknown as SocketConstructor
}

async function serve(port = 0): Promise<{ server: RunningServer; service: FakeService }> {
  const service = fakeService()
  const server = await startServer({ service, staticDir, token: TOKEN, port })
  cleanup.push(() => server.close())
  return { server, service }
}

function client(port: number, token = TOKEN, backoff = { initialMs: 20, maxMs: 100 }): WsApi {
  const api = createWebSocketApi({ url: `ws://127.0.0.1:${port}/api?token=${token}`, WebSocket: socketFor(port), backoff })
  cleanup.push(() => api.close())
  return api
}

const until = async (pred: () => boolean, ms = 3000): Promise<void> => {
  const t0 = Date.now()
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 5))
  }
}

describe('createWebSocketApi', () => {
  it('calls every method through the real server, concurrently, each answer to its caller', async () => {
    const { server } = await serve()
    const api = client(server.port)
    for (const m of METHOD_NAMES) expect(typeof api[m]).toBe('function')
    const [info, list, missing] = await Promise.all([api['engine.info']({}), api['runs.list']({}), api['runs.get']({ id: 'zzz' })])
    expect(info).toMatchObject({ ok: true, value: { appVersion: '0.0.0-test' } })
    expect(list).toMatchObject({ ok: true, value: [{ id: 'run-a' }] })
    expect(missing).toEqual({ ok: false, error: { code: 'not-found', message: message('runs.noRun', { id: 'zzz' }) } })
    const bad = await api['runs.get']({ id: '../x' })
    expect(bad.ok === false && bad.error.code).toBe('invalid-request')
    expect(api.status).toBe('open')
  })

  it('receives trajectories as typed arrays', async () => {
    const { server } = await serve()
    const r = await client(server.port)['runs.trajectories']({ id: 'run-a' })
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.value.data).toBeInstanceOf(Float32Array)
      expect([...r.value.data]).toEqual([0, 1, 2, 0.25, 1.25, 2.25])
      expect(r.value.labels).toBeInstanceOf(Int32Array)
      expect(r.value.shape).toEqual([2, 3, 1])
    }
  })

  it('delivers job events to subscribers until they unsubscribe', async () => {
    const { server, service } = await serve()
    const api = client(server.port)
    await api['engine.info']({})
    const got: JobEvent[] = []
    const off = api.onJobEvent((e) => got.push(e))
    service.emit({ jobId: 'job-1', type: 'started', name: 'x' })
    await until(() => got.length === 1)
    off()
    service.emit({ jobId: 'job-1', type: 'done', runId: 'r' })
    await new Promise((r) => setTimeout(r, 30))
    expect(got).toEqual([{ jobId: 'job-1', type: 'started', name: 'x' }])
  })

  it('fails calls in flight with a clear error when the server goes away, then reconnects', async () => {
    const first = await serve()
    const port = first.server.port
    const api = client(port)
    expect((await api['engine.info']({})).ok).toBe(true)
    const held = api['runs.get']({ id: 'hold' })
    await until(() => first.service.calls.some((c) => (c.request as { id?: string }).id === 'hold'))
    await first.server.close()
    const r = await held
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('io')
      expect(r.error.message).toEqual(message('client.connectionLost'))
    }
    // while nobody listens, calls fail rather than hang
    const down = await api['engine.info']({})
    expect(down.ok).toBe(false)
    // the same port comes back: the client reconnects by itself and works again
    const second = await serve(port)
    await until(() => api.status === 'open')
    expect(await api['engine.info']({})).toMatchObject({ ok: true })
    const got: JobEvent[] = []
    api.onJobEvent((e) => got.push(e))
    second.service.emit({ jobId: 'j2', type: 'cancelled' })
    await until(() => got.length === 1)
  })

  it('a client with a wrong token gets nothing: calls fail, no events arrive', async () => {
    const { server, service } = await serve()
    const intruder = client(server.port, 'wrong-token-wrong-token')
    const got: JobEvent[] = []
    intruder.onJobEvent((e) => got.push(e))
    const r = await intruder['engine.info']({})
    expect(r.ok).toBe(false)
    service.emit({ jobId: 'job-1', type: 'started', name: 'x' })
    await new Promise((res) => setTimeout(res, 50))
    expect(got).toEqual([])
    expect(service.calls).toEqual([])
  })

  it('close() fails what is waiting and refuses later calls', async () => {
    const { server } = await serve()
    const api = client(server.port)
    await api['engine.info']({})
    const held = api['runs.get']({ id: 'hold' })
    await new Promise((r) => setTimeout(r, 20))
    api.close()
    expect((await held).ok).toBe(false)
    const after = await api['engine.info']({})
    expect(after.ok === false && after.error.code).toBe('io')
  })

  it('an unserialisable request is refused locally as data', async () => {
    const { server } = await serve()
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    const r = await client(server.port)['spec.validate']({ spec: cyclic })
    expect(r.ok === false && r.error.code).toBe('invalid-request')
  })
})

describe('transport choice', () => {
  const location = { host: '127.0.0.1:4321', search: '?token=abc-DEF_123&x=1', protocol: 'http:' }

  it('uses the preload api when present', () => {
    const fake: Record<string, unknown> = { onJobEvent: () => () => undefined }
    for (const m of METHOD_NAMES) fake[m] = async () => ({ ok: true, value: null })
    expect(isPreloadApi(fake)).toBe(true)
    const chosen = selectApi({ api: fake, location })
    expect(chosen.kind).toBe('ipc')
    expect(chosen.api).toBe(fake)
    const partial = { ...fake }
    delete partial['runs.get']
    expect(isPreloadApi(partial)).toBe(false)
  })

  it('otherwise builds the socket URL from the page and connects over WebSocket', () => {
    expect(socketUrl(location)).toBe('ws://127.0.0.1:4321/api?token=abc-DEF_123')
    expect(socketUrl({ ...location, search: '' })).toBe('ws://127.0.0.1:4321/api')
    const opened: string[] = []
    class Recorder {
      binaryType = ''
      readyState = 0
      onopen = null
      onclose = null
      onerror = null
      onmessage = null
      constructor(url: string) {
        opened.push(url)
      }
      send(): void {}
      close(): void {}
    }
    const chosen = selectApi({ location, WebSocket: Recorder })
    expect(chosen.kind).toBe('websocket')
    expect(opened).toEqual(['ws://127.0.0.1:4321/api?token=abc-DEF_123'])
    ;(chosen.api as WsApi).close()
    expect(() => selectApi({ location })).toThrow(/WebSocket/)
  })
})
