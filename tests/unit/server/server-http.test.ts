// Browser-mode HTTP: loopback only, token or cookie on every request (403 and nothing else without),
// the cookie flow, MIME types, CSP, Host check, and path traversal refused in every spelling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from 'node:net'
import { startServer, type RunningServer } from '../../../electron/server/server'
import { fakeService } from './fake-service'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

let root: string
let staticDir: string
let server: RunningServer
const TOKEN = 'test-token-0123456789'

function get(path: string, headers: Record<string, string> = {}, method = 'GET', host?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers: { Host: host ?? `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let body = ''
      res.setEncoding('latin1')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const cookie = (): string => `nagare-token-${server.port}=${TOKEN}`

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'nagare-http-'))
  staticDir = join(root, 'renderer')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET')
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Nagare</title>')
  const files: Record<string, string> = {
    'app.js': 'console.log(1)',
    'app.css': 'body{}',
    'logo.svg': '<svg/>',
    'icon.png': 'PNG',
    'data.json': '{}',
    'engine.wasm': 'WASM'
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(staticDir, 'assets', name), text)
  symlinkSync(join(root, 'secret.txt'), join(staticDir, 'assets', 'link.txt'))
  server = await startServer({ service: fakeService(), staticDir, token: TOKEN })
})

afterAll(async () => {
  await server.close()
  rmSync(root, { recursive: true, force: true })
})

describe('the token', () => {
  it('is required on every request: 403 with an empty body otherwise', async () => {
    for (const path of ['/', '/assets/app.js', '/index.html', '/?token=wrong-token-xxxxxxxx', '/nope']) {
      const r = await get(path)
      expect(r.status, path).toBe(403)
      expect(r.body).toBe('')
      expect(r.headers['set-cookie']).toBeUndefined()
    }
    expect((await get('/assets/app.js', { Cookie: `nagare-token-${server.port}=wrong-token-xxxxxxxx` })).status).toBe(403)
    // a cookie for another port's server does not open this one
    expect((await get('/assets/app.js', { Cookie: `nagare-token-1=${TOKEN}` })).status).toBe(403)
  })

  it('the first page load with ?token= sets an HttpOnly SameSite=Strict cookie that opens later requests', async () => {
    const first = await get(`/?token=${TOKEN}`)
    expect(first.status).toBe(200)
    expect(first.body).toContain('<title>Nagare</title>')
    const setCookie = String(first.headers['set-cookie'])
    expect(setCookie).toContain(`nagare-token-${server.port}=${TOKEN}`)
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
    const asset = await get('/assets/app.js', { Cookie: `other=1; ${cookie()}` })
    expect(asset.status).toBe(200)
    expect(asset.body).toBe('console.log(1)')
  })

  it('url and token are reported as printed', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`)
    expect(server.token).toBe(TOKEN)
  })

  it('a random token is generated when none is given, and a weak one is refused', async () => {
    const s = await startServer({ service: fakeService(), staticDir })
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(s.token).not.toBe(TOKEN)
    await s.close()
    await expect(startServer({ service: fakeService(), staticDir, token: 'a b' })).rejects.toThrow(/token/)
  })
})

describe('static files', () => {
  it('are served with the right MIME types and a strict CSP', async () => {
    const expected: Record<string, RegExp> = {
      '/': /^text\/html/,
      '/assets/app.js': /^text\/javascript/,
      '/assets/app.css': /^text\/css/,
      '/assets/logo.svg': /^image\/svg\+xml$/,
      '/assets/icon.png': /^image\/png$/,
      '/assets/data.json': /^application\/json/,
      '/assets/engine.wasm': /^application\/wasm$/
    }
    for (const [path, mime] of Object.entries(expected)) {
      const r = await get(path, { Cookie: cookie() })
      expect(r.status, path).toBe(200)
      expect(r.headers['content-type'], path).toMatch(mime)
      expect(r.headers['x-content-type-options']).toBe('nosniff')
      const csp = String(r.headers['content-security-policy'])
      expect(csp).toContain("default-src 'none'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`)
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|\*/)
    }
  })

  it('HEAD works, other methods get 405, unknown files 404', async () => {
    const head = await get('/assets/app.js', { Cookie: cookie() }, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    expect((await get('/assets/app.js', { Cookie: cookie() }, 'POST')).status).toBe(405)
    expect((await get('/assets/missing.js', { Cookie: cookie() })).status).toBe(404)
  })

  it('refuses path traversal in every spelling and never leaks the file outside', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/%252e%252e/secret.txt',
      '/..\\secret.txt',
      '/assets\\..\\..\\secret.txt',
      '/%5c..%5csecret.txt',
      '//secret.txt',
      '/' + join(root, 'secret.txt'),
      '/C:/secret.txt',
      '/assets/./app.js',
      '/assets//app.js',
      '/assets/link.txt',
      '/assets/%00.js',
      '/%ff'
    ]
    for (const path of attempts) {
      const r = await get(path, { Cookie: cookie() })
      expect([400, 404], path).toContain(r.status)
      expect(r.body, path).not.toContain('TOP-SECRET')
    }
  })

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    expect((await get(`/?token=${TOKEN}`, {}, 'GET', `evil.example:${server.port}`)).status).toBe(403)
    expect((await get('/', { Cookie: cookie() }, 'GET', `localhost:${server.port}`)).status).toBe(403)
  })
})

describe('binding', () => {
  it('listens on 127.0.0.1 only', async () => {
    await expect(startServer({ service: fakeService(), staticDir, host: '0.0.0.0' as never })).rejects.toThrow(/127\.0\.0\.1/)
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address)
    const targets = [...others, '127.0.0.2'].slice(0, 3)
    for (const host of targets) {
      const refused = await new Promise<boolean>((resolve) => {
        const s = connect({ host, port: server.port })
        s.setTimeout(1000, () => (s.destroy(), resolve(true)))
        s.on('connect', () => (s.destroy(), resolve(false)))
        s.on('error', () => resolve(true))
      })
      expect(refused, host).toBe(true)
    }
  })
})
