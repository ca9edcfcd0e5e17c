// The secure window (every flag), created in exactly one module, and the deny-by-default guards:
// navigation, redirects, webviews, new windows, permissions, off-app requests, external links.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

vi.mock('electron', () => import('./electron-fake'))

import { FakeWebContents, record, resetRecord, session } from './electron-fake'
import { createMainWindow, windowOptions } from '../../../electron/main/window'
import { installContentGuards, installSessionGuards } from '../../../electron/main/guards'

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
    expect(sourcesMatching(/new\s+BrowserWindow\b/)).toEqual([join('main', 'window.ts')])
  })
})

/** TypeScript files under electron/ (paths relative to it) whose text matches `re`. */
function sourcesMatching(re: RegExp): string[] {
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
  return files.filter((f) => re.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f))
}

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
    // subframes may not navigate at all, not even to an allowlisted site; the main frame is will-navigate's
    const sub = { ...prevented(), isMainFrame: false, url: 'https://github.com/x' }
    wc.emit('will-frame-navigate', sub)
    expect(sub.called()).toBe(true)
    const main = { ...prevented(), isMainFrame: true, url: 'https://github.com/x' }
    wc.emit('will-frame-navigate', main)
    expect(main.called()).toBe(false) // left to will-navigate, which refuses it and opens it outside once
    const r = prevented()
    wc.emit('will-redirect', r, 'https://evil.example/')
    expect(r.called()).toBe(true)
    const w = prevented()
    wc.emit('will-attach-webview', w, {}, {})
    expect(w.called()).toBe(true)
    expect(wc.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(wc.windowOpenHandler?.({ url: 'https://github.com/nagare' })).toEqual({ action: 'deny' })
    expect(wc.windowOpenHandler?.({ url: 'http://github.com/nagare' })).toEqual({ action: 'deny' })
    expect(wc.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    await new Promise((r) => setTimeout(r, 0))
    // only the two allowlisted https links reached the OS, each once, through openExternalSafely
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

describe('shell.openExternal', () => {
  it('is called from exactly one module of the source tree: external.ts', () => {
    expect(sourcesMatching(/\.openExternal\b|\bopenExternal\s*[}:,]/)).toEqual([join('main', 'external.ts')])
  })
})
