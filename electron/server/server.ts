// Browser mode: a loopback-only HTTP server for the built renderer plus the API socket, both behind
// one random token. Nothing is answered (403, empty) to a request that carries neither token nor cookie.
import { createReadStream } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { EngineService } from '../../shared/contract'
import { authorize, isWellFormedToken, newToken, setCookieHeader } from './auth'
import { createApiSocket } from './socket'
import { containedFile, contentSecurityPolicy, mimeType, resolveStaticPath } from './static'

export interface ServerOptions {
  service: EngineService
  /** the built renderer (out/renderer) */
  staticDir: string
  /** loopback only, by design */
  host?: '127.0.0.1'
  /** 0 (default): a free port */
  port?: number
  /** for tests; otherwise a random token is generated */
  token?: string
}

export interface RunningServer {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

const HOST = '127.0.0.1'

function plain(res: ServerResponse, status: number, text = ''): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' })
  res.end(text)
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? newToken()
  if (!isWellFormedToken(token)) throw new Error('the server token must be 8-256 URL-safe characters')
  if (options.host !== undefined && options.host !== HOST) throw new Error('the server binds 127.0.0.1 only')
  let port = 0
  let origin = ''
  let csp = ''

  // DNS rebinding defence on top of the token: only our own host:port is served.
  const hostOk = (req: IncomingMessage): boolean => req.headers.host === `${HOST}:${port}`

  const serveStatic = async (req: IncomingMessage, res: ServerResponse, rawPath: string, setCookie: boolean): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return plain(res, 405)
    }
    const candidate = resolveStaticPath(options.staticDir, rawPath)
    if (!candidate) return plain(res, 400, 'Bad path')
    const file = await containedFile(options.staticDir, candidate)
    if (!file) {
      if (rawPath === '/') return plain(res, 500, 'The workbench has not been built yet: run `npm run build`.')
      return plain(res, 404, 'Not found')
    }
    const headers: Record<string, string> = {
      'Content-Type': mimeType(file),
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'no-cache'
    }
    if (setCookie) headers['Set-Cookie'] = setCookieHeader(port, token)
    res.writeHead(200, headers)
    if (req.method === 'HEAD') return void res.end()
    const stream = createReadStream(file)
    stream.on('error', () => res.destroy())
    stream.pipe(res)
  }

  const server = createServer((req, res) => {
    const raw = req.url ?? '/'
    const q = raw.indexOf('?')
    const rawPath = q >= 0 ? raw.slice(0, q) : raw
    const query = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '')
    const auth = authorize(req, query, token, port)
    if (!auth.ok || !hostOk(req)) return plain(res, 403)
    serveStatic(req, res, rawPath, auth.fromQuery).catch(() => {
      if (!res.headersSent) plain(res, 500)
      else res.destroy()
    })
  })
  server.headersTimeout = 10_000
  server.requestTimeout = 30_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port
  origin = `http://${HOST}:${port}`
  csp = contentSecurityPolicy([`ws://${HOST}:${port}`])

  const socket = createApiSocket({
    service: options.service,
    origin,
    isAuthorized: (req, query) => hostOk(req) && authorize(req, query, token, port).ok
  })
  server.on('upgrade', (req, sock, head) => socket.handleUpgrade(req, sock, head))
  server.on('clientError', (_err, sock) => sock.destroy())

  let closing: Promise<void> | undefined
  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    close: () =>
      (closing ??= (async () => {
        await socket.close()
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
      })())
  }
}
