// @vitest-environment happy-dom
// renderer/src/api: the transport is chosen from the page (preload api -> ipc, else websocket),
// importing opens nothing, and the first call goes through the chosen transport.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES } from '../../../../shared/contract'

type Win = Record<string, unknown>
const win = window as unknown as Win

afterEach(() => {
  delete win.api
  vi.resetModules()
})

describe('renderer api', () => {
  it('uses window.api from the preload when present', async () => {
    const calls: unknown[] = []
    const preload: Record<string, unknown> = { onJobEvent: () => () => undefined }
    for (const m of METHOD_NAMES) preload[m] = async (r: unknown) => (calls.push([m, r]), { ok: true, value: m })
    win.api = preload
    const mod = await import('../../../../renderer/src/api/index')
    expect(mod.transportKind).toBe('ipc')
    expect(Object.keys(mod.api).sort()).toEqual([...METHOD_NAMES, 'onJobEvent'].sort())
    expect(await mod.api['runs.get']({ id: 'r1' })).toEqual({ ok: true, value: 'runs.get' })
    expect(calls).toEqual([['runs.get', { id: 'r1' }]])
  })

  it('falls back to a WebSocket to this page, opened only on first use', async () => {
    const opened: string[] = []
    const original = win.WebSocket
    win.WebSocket = class {
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
    try {
      window.history.replaceState(null, '', '/?token=page-token-1')
      const mod = await import('../../../../renderer/src/api/index')
      expect(mod.transportKind).toBe('websocket')
      expect(opened).toEqual([])
      void mod.api['engine.info']({})
      expect(opened).toEqual([`ws://${window.location.host}/api?token=page-token-1`])
    } finally {
      win.WebSocket = original
    }
  })
})
