// `npm run serve`: browser mode on its own. Ensures the build, then runs the built server
// (node out/main/server.js), passing arguments through and forwarding stop signals.
'use strict'
const path = require('node:path')
const { spawn } = require('node:child_process')
const { ensureBuild } = require('./ensure-build')

const root = path.resolve(__dirname, '..')

/** Start the built server as a child; stdio as given (inherit by default). */
function spawnServer(args, { stdio = 'inherit', env = process.env } = {}) {
  return spawn(process.execPath, [path.join(root, 'out', 'main', 'server.js'), ...args], { cwd: root, stdio, env })
}

/** Pass SIGINT/SIGTERM to the child and leave with its exit code. */
function relay(child) {
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

module.exports = { spawnServer, relay, root }

if (require.main === module) {
  try {
    ensureBuild(root)
  } catch (e) {
    process.stderr.write(`${e.message}\n`)
    process.exit(1)
  }
  relay(spawnServer(process.argv.slice(2)))
}
