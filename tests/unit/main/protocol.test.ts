// The app:// scheme: registered privileged before ready, handled by a function that serves the built
// renderer with the CSP and refuses traversal ('..', %2e%2e, %2f, backslashes, absolute paths).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

vi.mock('electron', () => import('./electron-fake'))

import { record, resetRecord } from './electron-fake'
import { appRequestHandler, installAppProtocol, registerAppScheme } from '../../../electron/main/protocol'

let root: string
let dir: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'nagare-app-'))
  dir = join(root, 'renderer')
  mkdirSync(join(dir, 'assets'), { recursive: true })
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>N</title>')
  writeFileSync(join(dir, 'assets', 'index.js'), 'export {}')
  writeFileSync(join(dir, 'assets', 'style.css'), 'body{}')
  writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET')
})
afterAll(() => rmSync(root, { recursive: true, force: true }))
beforeEach(() => resetRecord())

/** A request whose url is exactly this string, as if Chromium had not normalised it. */
const raw = (url: string, method = 'GET'): Request => ({ url, method }) as Request

describe('app:// scheme', () => {
  it('is registered as a privileged standard, secure scheme and handled by our function', async () => {
    registerAppScheme()
    expect(record.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }])
    installAppProtocol(dir)
    const handler = record.protocolHandlers.get('app')
    expect(handler).toBeTypeOf('function')
    expect((await handler!(new Request('app://nagare/index.html'))).status).toBe(200)
  })

  it('serves files with their MIME type and the CSP', async () => {
    const h = appRequestHandler(dir)
    for (const [url, mime] of [
      ['app://nagare/index.html', /^text\/html/],
      ['app://nagare/', /^text\/html/],
      ['app://nagare/assets/index.js?v=1', /^text\/javascript/],
      ['app://nagare/assets/style.css#x', /^text\/css/]
    ] as const) {
      const r = await h(new Request(url))
      expect(r.status, url).toBe(200)
      expect(r.headers.get('content-type'), url).toMatch(mime)
      const csp = r.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("default-src 'none'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|\*|ws:|http:/)
    }
    expect(await (await h(new Request('app://nagare/assets/index.js'))).text()).toBe('export {}')
    expect((await h(new Request('app://nagare/missing.js'))).status).toBe(404)
    expect((await h(new Request('app://nagare/index.html', { method: 'POST', body: 'x' }))).status).toBe(405)
    expect((await h(raw('app://other/index.html'))).status).toBe(404)
  })

  it('refuses traversal in every spelling without leaking the file outside', async () => {
    const h = appRequestHandler(dir)
    const attempts = [
      'app://nagare/../secret.txt',
      'app://nagare/assets/../../secret.txt',
      'app://nagare/%2e%2e/secret.txt',
      'app://nagare/%2E%2E%2fsecret.txt',
      'app://nagare/..%2fsecret.txt',
      'app://nagare/assets%2f..%2f..%2fsecret.txt',
      'app://nagare/..\\secret.txt',
      'app://nagare/assets\\..\\..\\secret.txt',
      'app://nagare/%5c..%5csecret.txt',
      'app://nagare/' + join(root, 'secret.txt'),
      'app://nagare//' + join(root, 'secret.txt'),
      'app://nagare/C:/Windows/win.ini',
      'app://nagare/%00index.html'
    ]
    for (const url of attempts) {
      for (const req of [raw(url), new Request(url)]) {
        const r = await h(req)
        expect(r.status, url).not.toBe(200)
        expect(await r.text(), url).not.toContain('TOP-SECRET')
      }
      expect([400, 404], url).toContain((await h(raw(url))).status)
    }
  })
})
