// The browser-mode API socket at /api: authenticated upgrade (token, own Origin), size-capped text
// requests parsed with the contract, answers in the shared wire format, job events to every client.
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, WebSocket, type RawData } from 'ws'
import { fail, parseRequest, type EngineService, type Result } from '../../shared/contract'
import { LIMITS } from '../../shared/limits'
import { decodeRequest, encodeEvent, encodeResponse, type RequestId } from '../../shared/wire'
import { message } from '../../shared/messages'

export interface SocketOptions {
  service: EngineService
  /** the only Origin accepted, e.g. http://127.0.0.1:5173 */
  origin: string
  /** token or cookie check for the upgrade request */
  isAuthorized(req: IncomingMessage, query: URLSearchParams): boolean
  /** calls in flight per client before further ones are answered with 'busy' */
  maxInFlight?: number
}

export interface ApiSocket {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  close(): Promise<void>
}

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  socket.destroy()
}

export function createApiSocket(options: SocketOptions): ApiSocket {
  const { service, origin } = options
  const maxInFlight = options.maxInFlight ?? 32
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxMessageBytes, perMessageDeflate: false })

  const send = (ws: WebSocket, data: string | Uint8Array): void => {
    if (ws.readyState === WebSocket.OPEN) ws.send(data)
  }

  const reply = (ws: WebSocket, id: RequestId | null, result: Result<unknown>): void => {
    let frame: string | Uint8Array
    try {
      frame = encodeResponse(id, result)
    } catch (e) {
      frame = encodeResponse(id, fail('internal', message('engine.answerNotEncoded', { detail: e instanceof Error ? e.message : String(e) })))
    }
    send(ws, frame)
  }

  const unsubscribe = service.onEvent((event) => {
    const text = encodeEvent(event)
    for (const ws of wss.clients) send(ws, text)
  })

  wss.on('connection', (ws: WebSocket) => {
    let inFlight = 0
    ws.on('error', () => ws.terminate())
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return reply(ws, null, fail('invalid-request', message('engine.requestsMustBeText')))
      const text = Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8')
      const envelope = decodeRequest(text)
      if (!envelope.ok) return reply(ws, envelope.id, { ok: false, error: envelope.error })
      const { id, method, request } = envelope.value
      const parsed = parseRequest(method, request)
      if (!parsed.ok) return reply(ws, id, parsed)
      if (inFlight >= maxInFlight) return reply(ws, id, fail('busy', message('engine.tooManyRequests', { max: maxInFlight })))
      inFlight++
      service
        .call(parsed.value.method, parsed.value.request as never)
        .catch((e: unknown) => fail('internal', message('errmsg.internal', { detail: e instanceof Error ? e.message : String(e) })))
        .then((result) => {
          inFlight--
          reply(ws, id, result)
        })
    })
  })

  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', origin)
      if (url.pathname !== '/api') return refuse(socket, '404 Not Found')
      if (req.headers.origin !== origin || !options.isAuthorized(req, url.searchParams)) return refuse(socket, '403 Forbidden')
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
    },
    async close() {
      unsubscribe()
      for (const ws of wss.clients) ws.close(1001, 'server closing')
      await new Promise<void>((res) => {
        const timer = setTimeout(() => {
          for (const ws of wss.clients) ws.terminate()
        }, 1000)
        wss.close(() => {
          clearTimeout(timer)
          res()
        })
      })
    }
  }
}
