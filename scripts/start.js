// `npm start`: the desktop app when an Electron binary can be had, otherwise (offline, no binary) one
// plain sentence and the same workbench in browser mode, opened in the default browser when possible.
'use strict'
const fs = require('node:fs')
const { spawn } = require('node:child_process')
const { ensureBuild } = require('./ensure-build')
const { spawnServer, relay, root } = require('./serve')

const MARKER = 'NAGARE_ELECTRON_PATH='
const FALLBACK_SENTENCE = 'The Electron runtime could not be downloaded on this machine, so Nagare is opening in browser mode instead.'
const CRASH_SENTENCE = 'The desktop app could not start on this machine, so Nagare is opening in browser mode instead.'

/**
 * Ask the electron package for its binary in a child process (it downloads on first use, which fails
 * or hangs offline), with a time limit; resolves to an existing path or null.
 */
function findElectron({ cwd = root, timeoutMs = 60_000, spawnFn = spawn, exists = fs.existsSync } = {}) {
  return new Promise((resolve) => {
    const script = `process.stdout.write('\\n${MARKER}' + require('electron') + '\\n')`
    let child
    try {
      // own process group, so the timeout also stops the downloader it may have started
      child = spawnFn(process.execPath, ['-e', script], { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' })
    } catch {
      return resolve(null)
    }
    let out = ''
    let settled = false
    const finish = (value) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(value)
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
      finish(null)
    }, timeoutMs)
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', () => undefined)
    child.on('error', () => finish(null))
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(MARKER))
      const p = line ? line.slice(MARKER.length).trim() : ''
      finish(code === 0 && p && exists(p) ? p : null)
    })
  })
}

const hasDisplay = (platform, env) => platform === 'darwin' || platform === 'win32' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY)

/** Open a URL in the default browser, best effort. */
function openBrowser(url, { platform = process.platform, spawnFn = spawn } = {}) {
  const [cmd, args] = platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]]
  try {
    const child = spawnFn(cmd, args, { detached: true, stdio: 'ignore' })
    child.on('error', () => undefined)
    child.unref()
    return true
  } catch {
    return false
  }
}

/** Browser mode: run the server, echo its output, open the printed URL once when a display exists. */
function startBrowserMode(args, deps) {
  const child = deps.spawnServer(args, { stdio: ['ignore', 'pipe', 'inherit'] })
  let buffered = ''
  let opened = false
  child.stdout.on('data', (chunk) => {
    deps.write(chunk.toString())
    buffered += chunk.toString()
    const m = /Nagare is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(buffered)
    if (m && !opened) {
      opened = true
      if (hasDisplay(deps.platform, deps.env)) deps.openBrowser(m[1])
    }
  })
  deps.relay(child)
  return child
}

/**
 * The whole decision: desktop when a binary is found (falling back if it dies at once), else browser.
 * Every effect goes through deps so the choice can be tested with the child processes faked.
 */
async function start(args, deps) {
  deps.ensureBuild(root)
  const electron = await deps.findElectron()
  if (!electron) {
    deps.say(FALLBACK_SENTENCE)
    return { mode: 'browser', child: startBrowserMode(args, deps) }
  }
  const env = { ...deps.env }
  delete env.ELECTRON_RUN_AS_NODE
  const app = deps.spawn(electron, [root, ...args], { cwd: root, stdio: 'inherit', env })
  const startedAt = deps.now()
  return new Promise((resolve) => {
    const fallBack = () => {
      deps.say(CRASH_SENTENCE)
      resolve({ mode: 'browser', child: startBrowserMode(args, deps) })
    }
    app.on('error', fallBack)
    app.on('spawn', () => resolve({ mode: 'desktop', child: app }))
    app.on('exit', (code) => {
      // a binary that dies at once (no display, no sandbox support) should not leave the user with nothing
      if (code !== 0 && deps.now() - startedAt < 10_000) fallBack()
      else deps.exit(code ?? 0)
    })
  })
}

const defaultDeps = () => ({
  ensureBuild,
  findElectron: () => findElectron(),
  spawn,
  spawnServer,
  relay,
  openBrowser: (url) => openBrowser(url),
  say: (s) => process.stdout.write(`${s}\n`),
  write: (s) => process.stdout.write(s),
  exit: (code) => process.exit(code),
  now: () => Date.now(),
  platform: process.platform,
  env: process.env
})

module.exports = { start, findElectron, openBrowser, hasDisplay, FALLBACK_SENTENCE, CRASH_SENTENCE, MARKER, defaultDeps }

if (require.main === module) {
  start(process.argv.slice(2), defaultDeps()).catch((e) => {
    process.stderr.write(`Nagare could not start: ${e.message}\n`)
    process.exit(1)
  })
}
