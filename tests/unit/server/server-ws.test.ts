// The browser-mode API socket: token and Origin on the upgrade, contract parsing with errors as data,
// the size cap, binary answers for trajectories, events pushed to every authenticated client only.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { LIMITS } from '../../../shared/limits'
import { decodeMessage, type WireMessage } from '../../../shared/wire'
import { startServer, type RunningServer } from '../../../electron/server/server'
import { fakeService, type FakeService } from './fake-service'
import { message } from '../../../shared/messages'

const TOKEN = 'ws-test-token-abcdef'
let staticDir: string
let server: RunningServer
let service: FakeService
const open: WebSocket[] = []

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'nagare-ws-'))
  service = fakeService()
  server = await startServer({ service, staticDir, token: TOKEN })
})
afterEach(() => {
  for (const ws of open.splice(0)) ws.terminate()
})
afterAll(async () => {
  await server.close()
  rmSync(staticDir, { recursive: true, force: true })
})

const origin = (): string => `http://127.0.0.1:${server.port}`

function client(query = `?token=${TOKEN}`, headers: Record<string, string> = {}, originHeader: string | null = origin()): WebSocket {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api${query}`, { headers, ...(originHeader ? { origin: originHeader } : {}) })
  open.push(ws)
  return ws
}

/** resolves with 'open' or the HTTP status of a refused upgrade */
const outcome = (ws: WebSocket): Promise<'open' | number> =>
  new Promise((resolve) => {
    ws.once('open', () => resolve('open'))
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? -1))
    ws.once('error', () => resolve(-1))
  })

const messages = (ws: WebSocket): WireMessage[] => {
  const got: WireMessage[] = []
  ws.on('message', (data: Buffer, isBinary: boolean) => got.push(decodeMessage(isBinary ? new Uint8Array(data) : data.toString('utf8'))))
  return got
}

async function connected(): Promise<{ ws: WebSocket; got: WireMessage[] }> {
  const ws = client()
  const got = messages(ws)
  expect(await outcome(ws)).toBe('open')
  return { ws, got }
}

const until = async (pred: () => boolean, ms = 2000): Promise<void> => {
  const t0 = Date.now()
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 5))
  }
}

async function ask(ws: WebSocket, got: WireMessage[], frame: string, id: unknown): Promise<WireMessage> {
  ws.send(frame)
  await until(() => got.some((m) => m.kind === 'response' && m.id === id))
  return got.find((m) => m.kind === 'response' && m.id === id)!
}

describe('upgrade', () => {
  it('needs the token (query or cookie) and our own Origin', async () => {
    expect(await outcome(client(''))).toBe(403)
    expect(await outcome(client('?token=not-the-token-123'))).toBe(403)
    expect(await outcome(client(`?token=${TOKEN}`, {}, 'http://evil.example'))).toBe(403)
    expect(await outcome(client(`?token=${TOKEN}`, {}, `http://localhost:${server.port}`))).toBe(403)
    expect(await outcome(client(`?token=${TOKEN}`, {}, null))).toBe(403)
    expect(await outcome(client('', { Cookie: `nagare-token-${server.port}=${TOKEN}` }))).toBe('open')
    expect(await outcome(client(`?token=${TOKEN}`))).toBe('open')
    const wrongPath = new WebSocket(`ws://127.0.0.1:${server.port}/other?token=${TOKEN}`, { origin: origin() })
    open.push(wrongPath)
    expect(await outcome(wrongPath)).toBe(404)
  })
})

describe('requests', () => {
  it('answers contract calls with their id', async () => {
    const { ws, got } = await connected()
    const r = await ask(ws, got, JSON.stringify({ id: 1, method: 'engine.info', request: {} }), 1)
    expect(r).toMatchObject({ kind: 'response', id: 1, result: { ok: true, value: { appVersion: '0.0.0-test' } } })
    const s = await ask(ws, got, JSON.stringify({ id: 'abc', method: 'runs.list', request: {} }), 'abc')
    expect(s).toMatchObject({ result: { ok: true, value: [{ id: 'run-a' }] } })
  })

  it('sends trajectories as one binary frame with typed arrays intact', async () => {
    const { ws, got } = await connected()
    const r = await ask(ws, got, JSON.stringify({ id: 2, method: 'runs.trajectories', request: { id: 'run-a' } }), 2)
    expect(r.kind === 'response' && r.result.ok).toBe(true)
    const v = (r as { result: { value: { data: Float32Array; labels: Int32Array; shape: number[] } } }).result.value
    expect(v.data).toBeInstanceOf(Float32Array)
    expect([...v.data]).toEqual([0, 1, 2, 0.25, 1.25, 2.25])
    expect([...v.labels]).toEqual([0, 1, 1])
    expect(v.shape).toEqual([2, 3, 1])
  })

  it('refuses malformed and fuzzed requests as data, without reaching the service', async () => {
    const { ws, got } = await connected()
    const before = service.calls.length
    const cases: [string, unknown][] = [
      ['{not json', null],
      ['[]', null],
      [JSON.stringify({ method: 'engine.info', request: {} }), null],
      [JSON.stringify({ id: -1, method: 'engine.info', request: {} }), null],
      [JSON.stringify({ id: 10, method: 'engine.info', request: {}, extra: 1 }), 10],
      [JSON.stringify({ id: 11, method: 'shell.exec', request: {} }), 11],
      [JSON.stringify({ id: 12, method: '__proto__', request: {} }), 12],
      [JSON.stringify({ id: 13, method: 'runs.get', request: { id: '../../etc/passwd' } }), 13],
      [JSON.stringify({ id: 14, method: 'runs.get', request: { id: 5 } }), 14],
      [JSON.stringify({ id: 15, method: 'engine.info', request: { x: 1 } }), 15],
      ['{"id":16,"method":"jobs.cancel","request":{"jobId":"a","__proto__":{"polluted":true}}}', 16],
      [JSON.stringify({ id: 17, method: 'runs.get', request: [] }), 17],
      [JSON.stringify({ id: 18, method: 'jobs.cancel', request: { jobId: 'x'.repeat(100000) } }), 18]
    ]
    for (const [frame, id] of cases) {
      got.length = 0
      ws.send(frame)
      await until(() => got.length > 0)
      expect(got[0], frame.slice(0, 60)).toMatchObject({ kind: 'response', id, result: { ok: false, error: { code: 'invalid-request' } } })
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    got.length = 0
    ws.send(new Uint8Array([1, 2, 3]))
    await until(() => got.length > 0)
    expect(got[0]).toMatchObject({ result: { ok: false, error: { code: 'invalid-request' } } })
    expect(service.calls.length).toBe(before)
  })

  it('service failures and throws come back as data', async () => {
    const { ws, got } = await connected()
    expect(await ask(ws, got, JSON.stringify({ id: 20, method: 'runs.get', request: { id: 'nope' } }), 20)).toMatchObject({
      result: { ok: false, error: { code: 'not-found' } }
    })
    expect(await ask(ws, got, JSON.stringify({ id: 21, method: 'runs.get', request: { id: 'throw' } }), 21)).toMatchObject({
      result: { ok: false, error: { code: 'internal', message: message('errmsg.internal', { detail: 'fake exploded' }) } }
    })
  })

  it('caps the message size', async () => {
    const { ws } = await connected()
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
    ws.send(JSON.stringify({ id: 30, method: 'spec.validate', request: { spec: 'x'.repeat(LIMITS.maxMessageBytes) } }))
    expect(await closed).toBe(1009)
    // a request just under the cap is still served
    const again = await connected()
    const big = JSON.stringify({ id: 31, method: 'spec.validate', request: { spec: 'x'.repeat(LIMITS.maxMessageBytes - 1000) } })
    expect(await ask(again.ws, again.got, big, 31)).toMatchObject({
      result: { ok: false, error: { message: message('errmsg.internal', { detail: 'fake has no spec.validate' }) } }
    })
    expect(service.calls.at(-1)?.method).toBe('spec.validate')
  })

  it('answers "busy" past the in-flight cap and serves held calls once released', async () => {
    const { ws, got } = await connected()
    for (let i = 0; i < 33; i++) ws.send(JSON.stringify({ id: 100 + i, method: 'runs.get', request: { id: 'hold' } }))
    await until(() => got.length >= 1)
    expect(got[0]).toMatchObject({ id: 132, result: { ok: false, error: { code: 'busy' } } })
    service.release()
    await until(() => got.length === 33)
    expect(got.filter((m) => m.kind === 'response' && m.result.ok).length).toBe(32)
  })
})

describe('events', () => {
  it('are pushed to every authenticated client, and a client without the token gets nothing', async () => {
    const a = await connected()
    const b = await connected()
    const intruder = client('')
    const intruderGot: unknown[] = []
    intruder.on('message', (d) => intruderGot.push(d))
    expect(await outcome(intruder)).toBe(403)
    service.emit({ jobId: 'job-1', type: 'progress', fraction: 0.25, depth: 0.1 })
    await until(() => a.got.length === 1 && b.got.length === 1)
    for (const c of [a, b]) expect(c.got[0]).toEqual({ kind: 'event', event: { jobId: 'job-1', type: 'progress', fraction: 0.25, depth: 0.1 } })
    await new Promise((r) => setTimeout(r, 30))
    expect(intruderGot).toEqual([])
  })

  it('close() disconnects clients and stops pushing', async () => {
    const own = await startServer({ service: fakeService(), staticDir, token: TOKEN })
    const ws = new WebSocket(`ws://127.0.0.1:${own.port}/api?token=${TOKEN}`, { origin: `http://127.0.0.1:${own.port}` })
    open.push(ws)
    expect(await outcome(ws)).toBe('open')
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
    await own.close()
    expect(await closed).toBe(1001)
  })
})
