// The secure window (every flag), created in exactly one module, and the deny-by-default guards:
// navigation, redirects, webviews, new windows, permissions, off-app requests, external links.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

vi.mock('electron', () => import('./electron-fake'))

import { FakeWebContents, record, resetRecord, session } from './electron-fake'
import { createMainWindow, windowOptions } from '../../../electron/main/window'
import { installContentGuards, installSessionGuards, isAllowedExternalUrl, openExternal } from '../../../electron/main/guards'

beforeEach(() => resetRecord())

describe('the window', () => {
  it('has every security switch set', () => {
    const o = windowOptions('/x/preload/index.cjs')
    expect(o.webPreferences).toEqual({
      preload: '/x/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick'
    })
    expect(o.show).toBe(false)
  })

  it('is built from those options, loads the app URL and shows when painted', () => {
    const win = createMainWindow('/p.cjs', 'app://nagare/index.html')
    expect(record.windows).toHaveLength(1)
    const fake = record.windows[0]
    expect(fake.options).toEqual(windowOptions('/p.cjs'))
    expect(fake.loaded).toEqual(['app://nagare/index.html'])
    expect(fake.shown).toBe(false)
    ;(win as unknown as FakeWebContents).emit('ready-to-show')
    expect(fake.shown).toBe(true)
  })

  it('is constructed in exactly one module of the source tree', () => {
    const root = resolve(__dirname, '../../../electron')
    const files: string[] = []
    const walk = (d: string): void => {
      for (const f of readdirSync(d)) {
        const p = join(d, f)
        if (statSync(p).isDirectory()) walk(p)
        else if (p.endsWith('.ts')) files.push(p)
      }
    }
    walk(root)
    const makers = files.filter((f) => /new BrowserWindow\b/.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f))
    expect(makers).toEqual([join('main', 'window.ts')])
  })
})

describe('content guards', () => {
  const prevented = (): { preventDefault: () => void; called: () => boolean } => {
    let c = false
    return { preventDefault: () => (c = true), called: () => c }
  }

  it('refuse navigation, redirects and webviews; deny new windows; open only allowlisted links outside', async () => {
    const wc = new FakeWebContents()
    installContentGuards(wc as never)
    for (const url of ['https://evil.example/', 'app://nagare/other.html', 'file:///etc/passwd', 'https://arxiv.org/abs/1709.09987']) {
      const e = prevented()
      wc.emit('will-navigate', e, url)
      expect(e.called(), url).toBe(true)
    }
    const r = prevented()
    wc.emit('will-redirect', r, 'https://evil.example/')
    expect(r.called()).toBe(true)
    const w = prevented()
    wc.emit('will-attach-webview', w, {}, {})
    expect(w.called()).toBe(true)
    expect(wc.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(wc.windowOpenHandler?.({ url: 'https://github.com/nagare' })).toEqual({ action: 'deny' })
    await Promise.resolve()
    expect(record.opened).toEqual(['https://arxiv.org/abs/1709.09987', 'https://github.com/nagare'])
  })

  it('deny every permission request and check, and every request off the app', () => {
    installSessionGuards(session.defaultSession as never)
    const s = session.defaultSession
    for (const perm of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let granted: boolean | undefined
      s.requestHandler?.({}, perm, (g) => (granted = g), {})
      expect(granted, perm).toBe(false)
      expect(s.checkHandler?.({}, perm, 'app://nagare', {}), perm).toBe(false)
    }
    expect(s.deviceHandler?.({})).toBe(false)
    const verdict = (url: string): boolean | undefined => {
      let cancel: boolean | undefined
      s.beforeRequest?.({ url }, (r) => (cancel = r.cancel))
      return cancel
    }
    expect(verdict('app://nagare/assets/index.js')).toBe(false)
    expect(verdict('https://cdn.example/x.js')).toBe(true)
    expect(verdict('http://127.0.0.1:8080/')).toBe(true)
    expect(verdict('file:///etc/passwd')).toBe(true)
    expect(verdict('app://nagare.evil/x')).toBe(true)
  })
})

describe('openExternal', () => {
  it('accepts only allowlisted https URLs', async () => {
    const yes = ['https://github.com/x/y', 'https://arxiv.org/abs/1709.09987', 'https://www.jmlr.org/papers/v20/18-603.html', 'https://doi.org/10.1/x']
    const no = [
      'http://github.com/',
      'https://github.com.evil.example/',
      'https://evil.example/?https://github.com',
      'https://user:pw@github.com/',
      'https://github.com:8443/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://nagare/index.html',
      'not a url',
      ''
    ]
    for (const u of yes) expect(isAllowedExternalUrl(u), u).toBe(true)
    for (const u of no) expect(isAllowedExternalUrl(u), u).toBe(false)
    expect(await openExternal('https://evil.example/')).toBe(false)
    expect(await openExternal('https://github.com/')).toBe(true)
    expect(record.opened).toEqual(['https://github.com/'])
  })
})
