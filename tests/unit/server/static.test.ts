// The path check shared by the server and app://, on its own: what maps to a file and what is refused.
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { contentSecurityPolicy, mimeType, resolveStaticPath } from '../../../electron/server/static'

const root = join('/srv', 'renderer')

describe('resolveStaticPath', () => {
  it('maps ordinary asset paths under the root, and / to index.html', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'))
    expect(resolveStaticPath(root, '/index.html')).toBe(join(root, 'index.html'))
    expect(resolveStaticPath(root, '/assets/index-C9uXBFQj.js')).toBe(join(root, 'assets', 'index-C9uXBFQj.js'))
    expect(resolveStaticPath(root, '/assets/a%20b.png')).toBe(join(root, 'assets', 'a b.png'))
  })

  it('refuses every traversal spelling and odd path', () => {
    const refused = [
      '',
      'index.html',
      '//etc/passwd',
      '/../x',
      '/a/../../x',
      '/..',
      '/%2e%2e/x',
      '/%2E%2e/x',
      '/.%2e/x',
      '/a%2fb',
      '/a%2Fb',
      '/a%5cb',
      '/a\\b',
      '/%00',
      '/a\u0000b',
      '/C:/x',
      '/c%3a/x',
      '/%252e%252e/x',
      '/./x',
      '/a/./b',
      '/a//b',
      '/assets/',
      '/.env',
      '/assets/.secret',
      '/%ff',
      '/a%'
    ]
    for (const p of refused) expect(resolveStaticPath(root, p), JSON.stringify(p)).toBeNull()
  })
})

describe('headers', () => {
  it('knows the MIME types the renderer needs', () => {
    expect(mimeType('a.wasm')).toBe('application/wasm')
    expect(mimeType('a.JS')).toMatch(/^text\/javascript/)
    expect(mimeType('a.svg')).toBe('image/svg+xml')
    expect(mimeType('a.unknown')).toBe('application/octet-stream')
  })

  it('builds a CSP without eval or inline script, adding only the given endpoints', () => {
    const csp = contentSecurityPolicy(['ws://127.0.0.1:1234'])
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:1234")
    expect(csp).not.toMatch(/unsafe|\*/)
    expect(contentSecurityPolicy()).toContain("connect-src 'self';")
  })
})
