// The preload exposes exactly the contract on window.api: one function per method invoking its own
// channel, plus onJobEvent (unwrapped events, working unsubscribe); and it can run sandboxed.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

vi.mock('electron', () => import('../main/electron-fake'))

import { ipcRenderer, record, resetRecord } from '../main/electron-fake'
import { channelOf, EVENT_CHANNEL, METHOD_NAMES, METHODS, type Api, type JobEvent } from '../../../shared/contract'

let exposed: [string, unknown][] = []
beforeAll(async () => {
  resetRecord()
  await import('../../../electron/preload/index')
  exposed = [...record.exposed]
})
beforeEach(() => {
  ipcRenderer.invoked.length = 0
})

async function load(): Promise<Api> {
  // window.api and the desktop-only bridge (tests/unit/preload/desktop-bridge.test.ts), nothing else
  expect(exposed.map(([key]) => key)).toEqual(['api', 'nagareDesktop'])
  return exposed[0][1] as Api
}

describe('window.api', () => {
  it('has exactly one function per contract method plus onJobEvent, and is frozen', async () => {
    const api = await load()
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'onJobEvent'].sort())
    for (const k of Object.keys(api)) expect(typeof (api as Record<string, unknown>)[k]).toBe('function')
    expect(Object.isFrozen(api)).toBe(true)
    expect('ipcRenderer' in api || 'invoke' in api || 'send' in api).toBe(false)
  })

  it('each method invokes its own channel with exactly one payload', async () => {
    const api = await load()
    for (const m of METHOD_NAMES) {
      ipcRenderer.invoked.length = 0
      const payload = { marker: m }
      await (api[m] as (r: unknown) => Promise<unknown>)(payload)
      expect(ipcRenderer.invoked).toEqual([[channelOf(m), payload]])
    }
    ipcRenderer.invoked.length = 0
    await (api['engine.info'] as unknown as () => Promise<unknown>)()
    expect(ipcRenderer.invoked).toEqual([[channelOf('engine.info'), {}]])
  })

  it('onJobEvent delivers the event alone (not the IPC event) and unsubscribes', async () => {
    const api = await load()
    const got: unknown[][] = []
    const off = api.onJobEvent((...args: unknown[]) => got.push(args))
    const ev: JobEvent = { jobId: 'j', type: 'done', runId: 'r' }
    ipcRenderer.emit(EVENT_CHANNEL, { sender: 'secret-ipc-event' }, ev)
    expect(got).toEqual([[ev]])
    off()
    ipcRenderer.emit(EVENT_CHANNEL, {}, ev)
    expect(got).toHaveLength(1)
    expect(ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0)
    expect(() => api.onJobEvent('nope' as never)).toThrow(TypeError)
  })
})

describe('sandbox readiness', () => {
  it('builds its schemas on the same method list the preload uses', () => {
    expect(Object.keys(METHODS).sort()).toEqual([...METHOD_NAMES].sort())
  })

  it('imports at run time only electron and the import-free channel names', () => {
    const dir = resolve(__dirname, '../../../electron/preload')
    const valueImportsOf = (src: string): string[] => [...src.matchAll(/^import\s+(?!type\b)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1])
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      for (const spec of valueImportsOf(readFileSync(join(dir, f), 'utf8')))
        expect(['electron', '../../shared/channels', '../../shared/desktop-channels'], `${f}: ${spec}`).toContain(spec)
    }
    for (const shared of ['channels.ts', 'desktop-channels.ts'])
      expect(readFileSync(resolve(__dirname, '../../../shared', shared), 'utf8'), shared).not.toMatch(/^import\s/m)
  })
})
