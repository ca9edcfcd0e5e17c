// Build once, then only when something changed: runs `npx electron-vite build` when out/ is missing or
// any source (electron/, renderer/, shared/, build configs) is newer than out/.build-stamp. `--force`
// (what `npm run build` uses) always builds, and stamps too, so a later `npm start` need not rebuild.
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const { spawnSync } = require('node:child_process')

const SOURCES = [
  'electron',
  'renderer',
  'shared',
  'electron.vite.config.ts',
  'package.json',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.web.json'
]
const OUTPUTS = ['out/main/index.js', 'out/main/server.js', 'out/main/worker.js', 'out/main/utility.js', 'out/preload/index.cjs', 'out/renderer/index.html']
const STAMP = 'out/.build-stamp'

/** Newest modification time (ms) under the given paths; node_modules and dotfiles are skipped. */
function newestMtime(root, entries) {
  let newest = 0
  const visit = (p) => {
    let st
    try {
      st = fs.statSync(p)
    } catch {
      return
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'node_modules' && !name.startsWith('.')) visit(path.join(p, name))
    } else newest = Math.max(newest, st.mtimeMs)
  }
  for (const e of entries) visit(path.join(root, e))
  return newest
}

/** Why a build is needed, or null when out/ is up to date. */
function buildReason(root) {
  const missing = OUTPUTS.find((o) => !fs.existsSync(path.join(root, o)))
  if (missing) return `${missing} is missing`
  let stamp
  try {
    stamp = fs.statSync(path.join(root, STAMP)).mtimeMs
  } catch {
    return 'no build stamp'
  }
  return newestMtime(root, SOURCES) > stamp ? 'sources changed since the last build' : null
}

function ensureBuild(root, { run = spawnSync, log = (m) => process.stderr.write(`${m}\n`), force = false } = {}) {
  const reason = force ? 'requested' : buildReason(root)
  if (!reason) return false
  log(`Building Nagare (${reason})...`)
  // Stamp with the start time, so edits made during the build trigger the next one.
  const started = new Date()
  const r = run('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  if (r.error || r.status !== 0) throw new Error(`the build failed${r.error ? `: ${r.error.message}` : ` (exit code ${r.status})`}`)
  const stamp = path.join(root, STAMP)
  fs.writeFileSync(stamp, `${started.toISOString()}\n`)
  fs.utimesSync(stamp, started, started)
  return true
}

module.exports = { ensureBuild, buildReason, newestMtime, SOURCES, OUTPUTS, STAMP }

if (require.main === module) {
  try {
    ensureBuild(path.resolve(__dirname, '..'), { force: process.argv.includes('--force') })
  } catch (e) {
    process.stderr.write(`${e.message}\n`)
    process.exit(1)
  }
}
