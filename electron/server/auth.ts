// The browser-mode token: generated per server, carried once in the URL, then in an HttpOnly
// SameSite=Strict cookie (named per port, so two servers on one machine do not overwrite each other).
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const newToken = (): string => randomBytes(24).toString('base64url')

export const isWellFormedToken = (t: string): boolean => /^[A-Za-z0-9._~-]{8,256}$/.test(t)

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

export const cookieName = (port: number): string => `nagare-token-${port}`

export const setCookieHeader = (port: number, token: string): string => `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`

export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return null
}

export interface Authorization {
  ok: boolean
  /** the token came in the query string: answer with the cookie so later requests carry it */
  fromQuery: boolean
}

export function authorize(req: IncomingMessage, query: URLSearchParams, token: string, port: number): Authorization {
  if (tokenMatches(token, query.get('token'))) return { ok: true, fromQuery: true }
  return { ok: tokenMatches(token, readCookie(req, cookieName(port))), fromQuery: false }
}
