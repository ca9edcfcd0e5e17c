// Serving the built renderer safely, shared by the browser-mode server and Electron's app:// handler:
// the path check that refuses traversal in every spelling, MIME types, and the Content-Security-Policy.
import { realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, sep } from 'node:path'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8'
}

export const mimeType = (file: string): string => MIME[extname(file).toLowerCase()] ?? 'application/octet-stream'

/**
 * The renderer's CSP. No inline script, no eval (not even wasm eval: the renderer runs no wasm),
 * nothing from elsewhere; `connect` lists the extra endpoints (the browser-mode socket).
 */
export function contentSecurityPolicy(connect: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connect].join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'"
  ].join('; ')
}

/**
 * Map a raw (still percent-encoded) URL path to a file under root, or null when the path is refused:
 * dot segments, dotfiles and '..' anywhere, encoded slashes or backslashes, NUL, drive letters, double
 * encoding, '//' prefixes.
 * '/' maps to index.html. The result still needs containedFile() to rule out symlinks pointing out.
 */
export function resolveStaticPath(root: string, rawPath: string): string | null {
  if (!rawPath.startsWith('/') || rawPath.startsWith('//')) return null
  if (/%(2f|5c|00)/i.test(rawPath) || /[\\\0]/.test(rawPath)) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return null
  }
  // '%' after decoding means double encoding; nothing we build is named that way.
  if (decoded.includes('..') || /[\\\0:%]/.test(decoded)) return null
  const segments = decoded.split('/').slice(1)
  // no dot segments, no dotfiles, no empty segments ('//') except a trailing one
  if (segments.some((s, i) => s.startsWith('.') || (s === '' && i < segments.length - 1))) return null
  const rel = decoded === '/' ? 'index.html' : decoded.slice(1)
  if (rel.endsWith('/') || isAbsolute(rel)) return null
  const full = join(root, rel)
  const back = relative(root, full)
  if (back === '' || back.startsWith('..') || isAbsolute(back)) return null
  return full
}

/** The file's real path if it is a regular file really inside root (after symlinks), else null. */
export async function containedFile(root: string, file: string): Promise<string | null> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)])
    if (!realFile.startsWith(realRoot + sep)) return null
    return (await stat(realFile)).isFile() ? realFile : null
  } catch {
    return null
  }
}
