// The browser-mode transport: the Api over a WebSocket to the local server, with request ids,
// reconnection with capped exponential backoff, and in-flight calls failed (as data) when it drops.
import { METHOD_NAMES, type Api, type ApiError, type JobEvent, type Method, type Result } from '../../../shared/contract'
import { message } from '../../../shared/messages'
import { decodeMessage, encodeRequest } from '../../../shared/wire'

/** The part of the WebSocket interface used here (browser WebSocket and the `ws` package both fit). */
export interface SocketLike {
  binaryType: string
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  onopen: ((ev: unknown) => void) | null
  onclose: ((ev: unknown) => void) | null
  onerror: ((ev: unknown) => void) | null
  onmessage: ((ev: { data: unknown }) => void) | null
}
export type SocketConstructor = new (url: string) => SocketLike

export type ConnectionStatus = 'connecting' | 'open' | 'closed'

export interface WsClientOptions {
  url: string
  WebSocket: SocketConstructor
  /** reconnection delays: initial, doubled per failure up to max */
  backoff?: { initialMs: number; maxMs: number }
  onStatus?(status: ConnectionStatus): void
}

export type WsApi = Api & {
  /** stop reconnecting, close the socket and fail whatever is still waiting */
  close(): void
  readonly status: ConnectionStatus
}

const OPEN = 1

const lost = (): ApiError => ({
  code: 'io',
  message: message('client.connectionLost')
})

export function createWebSocketApi(options: WsClientOptions): WsApi {
  const { initialMs, maxMs } = options.backoff ?? { initialMs: 250, maxMs: 5000 }
  const listeners = new Set<(e: JobEvent) => void>()
  /** sent, waiting for an answer */
  const pending = new Map<number, (r: Result<unknown>) => void>()
  /** waiting for the socket to open */
  const outbox: string[] = []
  let socket: SocketLike | null = null
  let status: ConnectionStatus = 'closed'
  let delay = initialMs
  let timer: ReturnType<typeof setTimeout> | null = null
  let closed = false
  let nextId = 1

  const setStatus = (s: ConnectionStatus): void => {
    status = s
    options.onStatus?.(s)
  }

  const failAll = (error: ApiError): void => {
    const waiting = [...pending.values()]
    pending.clear()
    outbox.length = 0
    for (const resolve of waiting) resolve({ ok: false, error })
  }

  const onMessage = (data: unknown): void => {
    let message
    try {
      message = decodeMessage(data as string | ArrayBuffer | Uint8Array)
    } catch {
      return // a malformed frame cannot be routed to any call; the server never sends one
    }
    if (message.kind === 'event') {
      for (const l of [...listeners]) {
        try {
          l(message.event)
        } catch {
          // one faulty listener must not starve the others
        }
      }
    } else if (message.id !== null && typeof message.id === 'number') {
      const resolve = pending.get(message.id)
      pending.delete(message.id)
      resolve?.(message.result)
    }
  }

  const connect = (): void => {
    timer = null
    if (closed) return
    setStatus('connecting')
    let ws: SocketLike
    try {
      ws = new options.WebSocket(options.url)
    } catch {
      failAll(lost())
      return schedule()
    }
    socket = ws
    ws.binaryType = 'arraybuffer'
    ws.onopen = () => {
      delay = initialMs
      setStatus('open')
      for (const text of outbox.splice(0)) ws.send(text)
    }
    ws.onmessage = (ev) => onMessage(ev.data)
    ws.onerror = () => undefined // 'close' follows and does the work
    ws.onclose = () => {
      if (socket !== ws) return
      socket = null
      setStatus('closed')
      failAll(lost())
      schedule()
    }
  }

  const schedule = (): void => {
    if (closed || timer) return
    timer = setTimeout(connect, delay)
    delay = Math.min(delay * 2, maxMs)
  }

  const call = (method: Method, request: unknown): Promise<Result<unknown>> => {
    if (closed) return Promise.resolve({ ok: false, error: { code: 'io', message: message('client.connectionClosed') } })
    const id = nextId++
    let text: string
    try {
      text = encodeRequest(id, method, request)
    } catch (e) {
      return Promise.resolve({
        ok: false,
        error: { code: 'invalid-request', message: message('client.cannotSend', { reason: e instanceof Error ? e.message : String(e) }) }
      })
    }
    return new Promise((resolve) => {
      pending.set(id, resolve)
      if (socket && socket.readyState === OPEN) socket.send(text)
      else {
        outbox.push(text)
        if (!socket && timer) {
          // someone is waiting: reconnect now rather than at the end of the backoff
          clearTimeout(timer)
          connect()
        }
      }
    })
  }

  const api = {
    onJobEvent(listener: (e: JobEvent) => void) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    close() {
      closed = true
      if (timer) clearTimeout(timer)
      timer = null
      const ws = socket
      socket = null
      ws?.close(1000, 'closed by the page')
      setStatus('closed')
      failAll({ code: 'io', message: message('client.connectionClosed') })
    },
    get status() {
      return status
    }
  } as Record<string, unknown>
  for (const m of METHOD_NAMES) api[m] = (request: unknown) => call(m, request)
  connect()
  return api as unknown as WsApi
}
