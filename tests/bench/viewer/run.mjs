#!/usr/bin/env node
// Viewer benchmark: builds the harness page with Vite, serves it on 127.0.0.1, drives it in Debian's
// headless Chromium (WebGL2 through SwiftShader) with playwright-core and prints one JSON line per case.
// Usage: node tests/bench/viewer/run.mjs [--frames 120] [--synced-frames 30] [--particles 100000] [--samples 64] [--antialias auto|on|off] [--screenshots DIR]
import { createServer } from 'node:http'
import { mkdtempSync, readFileSync, rmSync, existsSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'

const here = dirname(fileURLToPath(import.meta.url))
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}
const frames = Number(arg('frames', 120))
const syncedFrames = Number(arg('synced-frames', 30))
const particles = Number(arg('particles', 100_000))
const samples = Number(arg('samples', 64))
const shots = arg('screenshots', '')
const aa = arg('antialias', 'auto')
const antialias = aa === 'auto' ? undefined : aa !== 'off'
// the same Chromium and flags as the Playwright tests
const chromiumFlags = createRequire(import.meta.url)('../../chromium.json')
const executablePath = process.env.CHROMIUM_PATH || chromiumFlags.executablePath

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }

function serve(root) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    const file = join(root, path === '/' ? 'index.html' : path)
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' })
    res.end(readFileSync(file))
  })
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)))
}

async function main() {
  if (!existsSync(executablePath)) {
    console.log(JSON.stringify({ bench: 'viewer-scrub', skipped: true, reason: `no Chromium at ${executablePath}` }))
    return
  }
  const out = mkdtempSync(join(tmpdir(), 'nagare-viewer-bench-'))
  let server
  let browser
  try {
    const { build } = await import('vite')
    await build({ configFile: resolve(here, 'vite.config.mjs'), build: { outDir: out } })
    server = await serve(out)
    const { chromium } = await import('playwright-core')
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: chromiumFlags.args
    })
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 })
    const errors = []
    page.on('pageerror', (e) => errors.push(String(e)))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(`http://127.0.0.1:${server.address().port}/`)
    await page.waitForFunction(() => window.benchReady === true)
    if (shots) mkdirSync(shots, { recursive: true })
    for (const dim of frames > 0 ? [2, 3] : []) {
      const result = await page.evaluate((cfg) => window.runBench(cfg), { particles, samples, dim, frames, syncedFrames, antialias })
      if (errors.length) result.errors = errors.splice(0)
      result.note =
        'js_ms_per_frame_*: performance.now() around setDepth() + renderer.render() (JavaScript and GL command submission), one scrub step per animation frame, canvas on the page (meets_goal: p95 <= goal_ms; meets_goal_median: median <= goal_ms); ' +
        '*_when_gpu_idle: same, after a readPixels sync of the previous frame; *_not_composited: canvas detached from the page; ' +
        'gpu_synced_*: the frame including a readPixels wait for the software GPU (SwiftShader draws on the CPU: not JavaScript time); ' +
        'control_fixed_js_*: a fixed JavaScript loop timed in the same frames (machine noise); upload_*: once per run (build + first render, and with the GPU wait)'
      console.log(JSON.stringify(result))
    }
    if (shots) {
      for (const [dim, n, at] of [
        [1, 2000, 0.6],
        [2, 20_000, 0.6],
        [3, 20_000, 0.6],
        [3, 300, 1]
      ]) {
        await page.evaluate((cfg) => window.showForScreenshot(cfg), { particles: n, samples, dim, at })
        await page.screenshot({ path: join(shots, `viewer-${dim}d-${n}.png`) })
      }
      if (errors.length) console.error(errors.splice(0).join('\n'))
    }
  } finally {
    await browser?.close()
    server?.close()
    rmSync(out, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
