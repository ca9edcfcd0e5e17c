// The app:// scheme that serves the built renderer in the desktop app: privileged (standard, secure),
// registered before ready; the handler refuses traversal and answers with the strict CSP.
import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { APP_ORIGIN, APP_SCHEME } from './origin'
import { containedFile, contentSecurityPolicy, mimeType, resolveStaticPath } from '../server/static'

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } }
  ])
}

const refusal = (status: number, text: string): Response => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })

/** The request handler, free of Electron so it can be tested with plain Request objects. */
export function appRequestHandler(rootDir: string): (request: Request) => Promise<Response> {
  const csp = contentSecurityPolicy()
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed')
    const prefix = `${APP_ORIGIN}/`
    if (!request.url.startsWith(prefix)) return refusal(404, 'Not found')
    // the raw path, before any normalisation, so every spelling of '..' is seen and refused
    const rawPath = '/' + request.url.slice(prefix.length).split(/[?#]/, 1)[0]
    const candidate = resolveStaticPath(rootDir, rawPath)
    if (!candidate) return refusal(400, 'Bad path')
    const file = await containedFile(rootDir, candidate)
    if (!file) return refusal(404, 'Not found')
    const body = request.method === 'HEAD' ? null : await readFile(file)
    return new Response(body, {
      status: 200,
      headers: { 'content-type': mimeType(file), 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' }
    })
  }
}

export function installAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, appRequestHandler(rootDir))
}
