// The desktop engine host (utility process, mocked) under supervision, and main's start-up wiring:
// single-instance lock, guards, app:// handler, exactly the contract's IPC, one window, events forwarded.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { join } from 'node:path'

vi.mock('electron', () => import('./electron-fake'))

import { app, FakeUtility, record, resetRecord, session } from './electron-fake'
import { createUtilityEngineService, utilitySpawner } from '../../../electron/main/engine'
import { channelOf, EVENT_CHANNEL, METHOD_NAMES, type JobEvent } from '../../../shared/contract'
import { SAVE_REPORT_PDF_CHANNEL } from '../../../shared/desktop-channels'
import { message } from '../../../shared/messages'

beforeEach(() => resetRecord())

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('utility-process engine', () => {
  it('forks the utility entry with the host arguments and forwards messages', async () => {
    const s = createUtilityEngineService('/app/out/main/utility.js', { workspace: '/ws', mode: 'desktop', backend: 'wasm' })
    const p = s.call('engine.info', {})
    expect(record.forks).toHaveLength(1)
    const child = record.forks[0]
    expect(child.modulePath).toBe('/app/out/main/utility.js')
    expect(child.args).toEqual(['--workspace', '/ws', '--mode', 'desktop', '--backend', 'wasm'])
    expect(child.options).toMatchObject({ stdio: 'pipe' })
    expect(child.posted).toEqual([{ id: 1, method: 'engine.info', request: {} }])
    child.emit('message', { id: 1, result: { ok: true, value: 'info' } })
    expect(await p).toEqual({ ok: true, value: 'info' })
  })

  it('a crash reports the last stderr line, fails the running job, and the next call forks again', async () => {
    const s = createUtilityEngineService('/u.js', { workspace: '/ws', mode: 'desktop' })
    const events: JobEvent[] = []
    s.onEvent((e) => events.push(e))
    const start = s.call('runs.start', { spec: {} })
    const child = record.forks[0]
    child.emit('message', { id: 1, result: { ok: true, value: { jobId: 'job-9' } } })
    await start
    const pending = s.call('runs.list', {})
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    child.stderr.write('loading backend\nFATAL: out of memory in wasm heap\n')
    await tick()
    quiet.mockRestore()
    child.emit('exit', 134)
    const r = await pending
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('engine-crashed')
      expect(r.error.message).toEqual(
        message('engine.crashed', { reason: message('engine.exitCodeWhy', { code: 134, detail: 'FATAL: out of memory in wasm heap' }) })
      )
    }
    expect(events).toEqual([{ jobId: 'job-9', type: 'failed', error: expect.objectContaining({ code: 'engine-crashed' }) }])
    void s.call('engine.info', {})
    expect(record.forks).toHaveLength(2)
  })

  it('kill goes to the child; a V8 fatal error is named in the reason', async () => {
    const handlers = { message: vi.fn(), exit: vi.fn() }
    const channel = utilitySpawner('/u.js', { workspace: '/ws', mode: 'desktop' })(handlers)
    const child: FakeUtility = record.forks[0]
    channel.kill()
    expect(child.killed).toBe(true)
    child.emit('error', 'FatalError', 'v8::internal::Heap', '{}')
    child.emit('exit', 5)
    expect(handlers.exit).toHaveBeenCalledWith(message('engine.exitCodeWhy', { code: 5, detail: 'FatalError at v8::internal::Heap' }))
  })
})

describe('main start-up', () => {
  it('quits at once when another instance holds the lock', async () => {
    vi.resetModules()
    record.lock = false
    await import('../../../electron/main/index')
    expect(record.quit).toBe(1)
    expect(app.listenerCount('web-contents-created')).toBe(0)
  })

  it('wires guards, protocol, IPC, the engine and one window once ready', async () => {
    vi.resetModules()
    await import('../../../electron/main/index')
    expect(record.sandboxEnabled).toBe(true)
    expect(record.schemes).toHaveLength(1)
    expect(app.listenerCount('web-contents-created')).toBe(1)
    expect(record.windows).toHaveLength(0)
    app.fireReady()
    await tick()
    expect(session.defaultSession.requestHandler).toBeTypeOf('function')
    expect(record.protocolHandlers.has('app')).toBe(true)
    // the contract's channels and the desktop bridge's one (report-pdf.test.ts)
    expect([...record.handled.keys()].sort()).toEqual([...METHOD_NAMES.map(channelOf), SAVE_REPORT_PDF_CHANNEL].sort())
    expect(record.windows).toHaveLength(1)
    const win = record.windows[0]
    expect(win.loaded).toEqual(['app://nagare/index.html'])
    expect((win.options as { webPreferences: { preload: string } }).webPreferences.preload).toMatch(/preload[/\\]index\.cjs$/)
    // the engine was started early, in a utility process running utility.js next to main
    expect(record.forks).toHaveLength(1)
    const child = record.forks[0]
    expect(child.modulePath.endsWith(join('main', 'utility.js'))).toBe(true)
    expect(child.args).toContain('desktop')
    // a job event from the engine reaches the window on the event channel
    const ev: JobEvent = { jobId: 'j', type: 'progress', fraction: 0.3 }
    child.emit('message', { event: ev })
    expect(win.webContents.sent).toEqual([[EVENT_CHANNEL, ev]])
    // an IPC call from the window travels to the utility process
    const handler = record.handled.get(channelOf('runs.list'))!
    const reply = handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, {}) as Promise<unknown>
    await tick()
    const call = child.posted.at(-1) as { id: number; method: string }
    expect(call.method).toBe('runs.list')
    child.emit('message', { id: call.id, result: { ok: true, value: [] } })
    expect(await reply).toEqual({ ok: true, value: [] })
    // quitting disposes the engine first
    let prevented = false
    app.emit('will-quit', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
    expect(child.posted.at(-1)).toEqual({ control: 'dispose' })
    child.emit('exit', 0)
    await tick()
    expect(record.quit).toBe(1)
  })
})
