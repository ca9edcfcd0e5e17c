#!/usr/bin/env node
// The `nagare` command: runs the built CLI (out/main/cli.js) when present, otherwise the TypeScript
// sources through tsx, so `npx nagare` works straight after `npm ci`. NAGARE_CLI_FROM_SOURCE=1 forces
// the sources (tests, or when the build is stale).
'use strict'
const fs = require('node:fs')
const path = require('node:path')

const root = path.join(__dirname, '..')
const built = path.join(root, 'out', 'main', 'cli.js')

if (process.env.NAGARE_CLI_FROM_SOURCE !== '1' && fs.existsSync(built)) {
  require(built)
} else {
  require('tsx/cjs/api').register()
  require(path.join(root, 'electron', 'cli', 'index.ts'))
}
