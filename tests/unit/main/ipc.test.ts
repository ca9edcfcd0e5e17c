// Validated IPC: exactly the contract's channels are bound; a foreign sender or frame is refused before
// the service; fuzzed payloads are refused as invalid-request; good calls reach the service parsed.
import { beforeEach, describe, expect, it } from 'vitest'
import { channelOf, METHOD_NAMES, type Result } from '../../../shared/contract'
import { isTrustedSender, registerIpc, type FrameLike, type IpcMainLike } from '../../../electron/main/ipc'
import { fakeService, type FakeService } from '../server/fake-service'
import { message } from '../../../shared/messages'

class Frame implements FrameLike {
  parent: FrameLike | null = null
  constructor(
    public url = 'app://nagare/index.html',
    public routingId = 1,
    public processId = 4
  ) {}
}

function fakeWindow() {
  const mainFrame = new Frame()
  const webContents = { mainFrame }
  let destroyed = false
  return { webContents, isDestroyed: () => destroyed, destroy: () => (destroyed = true) }
}

let handlers: Map<string, (...args: unknown[]) => Promise<Result<unknown>>>
let service: FakeService
let win: ReturnType<typeof fakeWindow> | null
let unregister: () => void

const ipcMain = {
  handle(channel: string, listener: (...args: unknown[]) => Promise<Result<unknown>>) {
    if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    handlers.set(channel, listener)
  },
  removeHandler(channel: string) {
    handlers.delete(channel)
  }
} as unknown as IpcMainLike

beforeEach(() => {
  handlers = new Map()
  service = fakeService()
  win = fakeWindow()
  unregister = registerIpc(ipcMain, service, () => win)
})

const goodEvent = () => ({ sender: win!.webContents, senderFrame: win!.webContents.mainFrame })
const invoke = (method: string, event: unknown, ...args: unknown[]) => handlers.get(channelOf(method as never))!(event, ...args)

describe('channels', () => {
  it('binds exactly one handler per contract method, and unbinds them', () => {
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort())
    expect(handlers.size).toBe(METHOD_NAMES.length)
    unregister()
    expect(handlers.size).toBe(0)
  })

  it('a good call reaches the service with the parsed request', async () => {
    expect(await invoke('engine.info', goodEvent(), {})).toMatchObject({ ok: true, value: { backend: 'cpu' } })
    expect(await invoke('runs.get', goodEvent(), { id: 'run-1' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: message('runs.noRun', { id: 'run-1' }) }
    })
    expect(service.calls).toEqual([
      { method: 'engine.info', request: {} },
      { method: 'runs.get', request: { id: 'run-1' } }
    ])
  })

  it('a service that throws is answered as data', async () => {
    expect(await invoke('runs.get', goodEvent(), { id: 'throw' })).toEqual({
      ok: false,
      error: { code: 'internal', message: message('errmsg.internal', { detail: 'fake exploded' }) }
    })
  })
})

describe('sender check', () => {
  it('refuses anything but our window main frame on app://nagare, before the service', async () => {
    const sub = new Frame()
    sub.parent = win!.webContents.mainFrame
    const otherContents = { mainFrame: new Frame() }
    const bad: [string, () => unknown][] = [
      ['other webContents', () => ({ sender: otherContents, senderFrame: otherContents.mainFrame })],
      ['no frame', () => ({ sender: win!.webContents, senderFrame: null })],
      ['subframe', () => ({ sender: win!.webContents, senderFrame: sub })],
      ['another frame id', () => ({ sender: win!.webContents, senderFrame: new Frame('app://nagare/index.html', 9, 4) })],
      ['another process', () => ({ sender: win!.webContents, senderFrame: new Frame('app://nagare/index.html', 1, 99) })],
      ['https page', () => ((win!.webContents.mainFrame.url = 'https://evil.example/'), goodEvent())],
      ['file page', () => ((win!.webContents.mainFrame.url = 'file:///tmp/x.html'), goodEvent())],
      ['lookalike host', () => ((win!.webContents.mainFrame.url = 'app://nagare.evil/index.html'), goodEvent())],
      ['unparsable url', () => ((win!.webContents.mainFrame.url = 'not a url'), goodEvent())],
      ['destroyed window', () => (win!.destroy(), goodEvent())],
      ['no window', () => ((win = null), { sender: {}, senderFrame: new Frame() })]
    ]
    for (const [name, make] of bad) {
      win = fakeWindow()
      const event = make()
      for (const m of METHOD_NAMES) {
        const r = await invoke(m, event, {})
        expect(r.ok, `${name} ${m}`).toBe(false)
        if (!r.ok) expect(r.error.code).toBe('invalid-request')
      }
    }
    expect(service.calls).toEqual([])
  })

  it('isTrustedSender accepts the main frame by identity or by ids', () => {
    const w = fakeWindow()
    expect(isTrustedSender({ sender: w.webContents, senderFrame: w.webContents.mainFrame }, w)).toBe(true)
    expect(isTrustedSender({ sender: w.webContents, senderFrame: new Frame() }, w)).toBe(true)
  })
})

describe('payload fuzzing', () => {
  it('refuses wrong types, extra keys, huge arrays, NaN and __proto__ with invalid-request', async () => {
    const huge = new Array(1_000_000).fill(0)
    const cases: [string, unknown[]][] = [
      ['engine.info', [{ extra: 1 }]],
      ['engine.info', [[]]],
      ['engine.info', ['str']],
      ['engine.info', [42]],
      ['engine.info', [{}, {}]],
      ['engine.info', []],
      ['runs.list', [{ list: huge }]],
      ['runs.get', [{ id: huge }]],
      ['runs.get', [{ id: NaN }]],
      ['runs.get', [{ id: '../../etc/passwd' }]],
      ['runs.get', [{ id: '' }]],
      ['runs.get', [{ id: 'x'.repeat(10_000) }]],
      ['runs.get', [{}]],
      ['runs.trajectories', [{ id: 'a', more: true }]],
      ['jobs.cancel', [{ jobId: NaN }]],
      ['jobs.cancel', [{ jobId: Infinity }]],
      ['jobs.cancel', [{ jobId: 'a b' }]],
      ['jobs.cancel', [JSON.parse('{"jobId":"a","__proto__":{"polluted":true}}')]],
      ['runs.start', [JSON.parse('{"spec":{},"__proto__":{"polluted":true}}')]],
      ['runs.start', [{ spec: {}, constructor: { prototype: { polluted: true } } }]],
      ['spec.validate', [{ spec: {}, extra: huge }]],
      ['spec.validate', [huge]]
    ]
    for (const [method, args] of cases) {
      const r = await invoke(method, goodEvent(), ...args)
      expect(r.ok, `${method} ${JSON.stringify(args).slice(0, 60)}`).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('invalid-request')
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(service.calls).toEqual([])
  })
})
