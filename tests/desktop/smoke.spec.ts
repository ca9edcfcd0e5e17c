// Desktop smoke test (Playwright project 'electron-desktop'): launches the built app (out/main/index.js)
// in the real Electron runtime, runs the DAE wizard on preset (47), and reads the window's security
// settings from the main process. Skipped, with the reason, where no Electron binary exists.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { findElectronBinary } from './electron-binary'

const root = resolve(__dirname, '../..')
const binary = findElectronBinary(join(root, 'node_modules/electron'))

test.skip(binary.path === undefined, `no Electron binary on this machine: ${binary.reason ?? ''}`)

let app: ElectronApplication
let page: Page
let scratch: string

test.beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'nagare-desktop-'))
  const args = [join(root, 'out/main/index.js'), `--user-data-dir=${join(scratch, 'user-data')}`]
  // Chromium will not start its setuid sandbox as root (containers, CI); the renderer's own sandbox
  // (webPreferences.sandbox, checked below) is unaffected.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox')
  app = await electron.launch({
    executablePath: binary.path,
    args,
    cwd: root,
    env: { ...process.env, NAGARE_WORKSPACE: join(scratch, 'workspace'), XDG_CONFIG_HOME: join(scratch, 'config'), ELECTRON_ENABLE_SECURITY_WARNINGS: 'true' },
    timeout: 60_000
  })
  page = await app.firstWindow()
})

test.afterAll(async () => {
  await app?.close()
  if (scratch) rmSync(scratch, { recursive: true, force: true })
})

test('the window is locked down, as seen from the main process', async () => {
  const state = await app.evaluate(({ BrowserWindow }) => {
    const windows = BrowserWindow.getAllWindows()
    // the preferences the window was made with, as Electron keeps them (undocumented since Electron 12,
    // still used by Electron itself for webviews); an absent method fails the test below, not silently
    const contents = windows[0].webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null }
    const prefs = contents.getLastWebPreferences?.() ?? {}
    const pick = (k: string): unknown => (k in prefs ? prefs[k] : 'absent')
    return {
      count: windows.length,
      url: windows[0].webContents.getURL(),
      prefs: Object.fromEntries(
        [
          'contextIsolation',
          'sandbox',
          'nodeIntegration',
          'nodeIntegrationInWorker',
          'nodeIntegrationInSubFrames',
          'webSecurity',
          'allowRunningInsecureContent',
          'webviewTag',
          'experimentalFeatures',
          'disableBlinkFeatures'
        ].map((k) => [k, pick(k)])
      )
    }
  })
  expect(state.count).toBe(1)
  expect(state.url).toMatch(/^app:\/\/nagare\//)
  expect(state.prefs).toEqual({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    disableBlinkFeatures: 'Auxclick'
  })
  // and from the page: no Node, only the preload's API, no way to open a window
  expect(await page.evaluate(() => [typeof (globalThis as Record<string, unknown>).require, typeof (globalThis as Record<string, unknown>).process])).toEqual([
    'undefined',
    'undefined'
  ])
  expect(await page.evaluate(() => typeof (globalThis as Record<string, unknown>).api)).toBe('object')
  // and the desktop-only bridge, with its one function (electron/main/report-pdf.ts)
  expect(await page.evaluate(() => Object.keys((globalThis as unknown as { nagareDesktop?: object }).nagareDesktop ?? {}))).toEqual(['saveReportPdf'])
  expect(await page.evaluate(() => (globalThis as unknown as { open(u: string): unknown }).open('https://example.com/') === null)).toBe(true)
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
})

test('runs (47) through the DAE wizard in the desktop app', async () => {
  await page.evaluate(() => {
    ;(globalThis as unknown as { location: { hash: string } }).location.hash = '#/dae'
  })
  await expect(page.getByTestId('backend-name')).not.toBeEmpty({ timeout: 60_000 })
  await expect(page.getByTestId('wizard')).toBeVisible()
  await page.getByTestId('preset-paper-47').click()
  await page.getByTestId('wizard-next').click()
  await page.getByTestId('flow-continuous-dae').click()
  await page.getByTestId('wizard-next').click()
  await page.getByTestId('particles-sample').click()
  await page.getByTestId('particles-count').fill('500')
  await page.getByTestId('wizard-next').click()
  await expect(page.getByTestId('step-integration')).toBeVisible()
  await page.getByTestId('int-solver').selectOption('rk4')
  await page.getByTestId('int-depth').fill('0.45')
  await page.getByTestId('int-step').fill('0.005')
  await page.getByTestId('int-samples').fill('46')
  await expect(page.getByTestId('singular-time')).toContainText('t* = 0.5000')
  await page.getByTestId('run-button').click()
  await expect(page.getByTestId('run-summary')).toBeVisible({ timeout: 90_000 })
  await expect(page.getByTestId('trajectory-error')).toHaveCount(0)
  await expect(page.getByTestId('summary-particles')).toContainText('500')
})
