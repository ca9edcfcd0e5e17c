// Which transport the renderer uses: the preload's window.api in the desktop app, else a WebSocket
// to the browser-mode server that served this page (token from the page URL, or its cookie).
import { METHOD_NAMES, type Api } from '../../../shared/contract'
import { createWebSocketApi, type SocketConstructor } from './ws-client'

export type TransportKind = 'ipc' | 'websocket'

export interface HostWindow {
  api?: unknown
  location: { host: string; search: string; protocol: string; pathname?: string; hash?: string }
  WebSocket?: unknown
  history?: { state?: unknown; replaceState(data: unknown, unused: string, url?: string): void }
}

export function isPreloadApi(value: unknown): value is Api {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.onJobEvent === 'function' && METHOD_NAMES.every((m) => typeof v[m] === 'function')
}

export function socketUrl(location: HostWindow['location']): string {
  const token = new URLSearchParams(location.search).get('token')
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}/api${token ? `?token=${encodeURIComponent(token)}` : ''}`
}

/**
 * Take the token out of the address bar (history, bookmarks, screenshots, shoulder-surfing): the page's
 * response has set the server's HttpOnly cookie, which authorizes reloads and the socket from now on.
 */
export function forgetToken(win: HostWindow): void {
  const params = new URLSearchParams(win.location.search)
  if (!params.has('token') || !win.history) return
  params.delete('token')
  const search = params.toString()
  win.history.replaceState(win.history.state ?? null, '', `${win.location.pathname ?? '/'}${search ? `?${search}` : ''}${win.location.hash ?? ''}`)
}

export function selectApi(win: HostWindow): { api: Api; kind: TransportKind } {
  if (isPreloadApi(win.api)) return { api: win.api, kind: 'ipc' }
  if (typeof win.WebSocket !== 'function') throw new Error('Nagare needs either the desktop app or a browser with WebSocket support.')
  const url = socketUrl(win.location)
  forgetToken(win)
  return { api: createWebSocketApi({ url, WebSocket: win.WebSocket as SocketConstructor }), kind: 'websocket' }
}
