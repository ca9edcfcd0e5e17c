// Playwright: drives the real renderer in Debian's Chromium against browser mode (the built
// out/main/server.js with the real engine). `npm test` builds first; this file never installs browsers.
// A second project, 'electron-desktop', launches out/main/index.js in Electron (tests/desktop); it skips,
// with the reason, on machines without the Electron runtime.
import { defineConfig } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import chromium from './tests/chromium.json'

// Set once in the runner process; worker processes inherit them, so all share one server and workspace.
process.env.NAGARE_E2E_PORT ??= '41731'
process.env.NAGARE_E2E_TOKEN ??= `e2e-${randomBytes(16).toString('hex')}`
process.env.NAGARE_E2E_WORKSPACE ??= mkdtempSync(join(tmpdir(), 'nagare-e2e-'))
const port = Number(process.env.NAGARE_E2E_PORT)
const token = process.env.NAGARE_E2E_TOKEN
const workspace = process.env.NAGARE_E2E_WORKSPACE

export default defineConfig({
  // each project names its own folder (below); this default is the browser-mode one
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // one engine serves every test and runs one job at a time
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  globalTeardown: './tests/e2e/teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1366, height: 768 },
    screenshot: 'only-on-failure',
    trace: 'off',
    // Debian's Chromium with SwiftShader WebGL and no background networking (tests/chromium.json)
    launchOptions: chromium
  },
  projects: [
    { name: 'chromium-browser-mode', testDir: 'tests/e2e', use: { browserName: 'chromium' } },
    // launches Electron itself (no browser, no webServer needed; the server starting anyway is harmless)
    { name: 'electron-desktop', testDir: 'tests/desktop', testMatch: '**/*.spec.ts', timeout: 180_000 }
  ],
  webServer: {
    command: `node out/main/server.js --port ${port} --workspace "${workspace}"`,
    env: { NAGARE_TOKEN: token },
    url: `http://127.0.0.1:${port}/?token=${token}`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe'
  }
})
