// `npm run serve` (node out/main/server.js): browser mode. Starts the engine in a worker thread and
// the loopback server, prints the one line with the tokenised URL, and shuts down cleanly on signals.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { RotatingLog } from '../engine/logs/rotating-log'
import { createProcessEngineService } from '../host/supervisor'
import { workerSpawner } from '../host/worker-channel'
import { parseServeArgs, USAGE, type ServeConfig } from './args'
import { startServer } from './server'
import { resolveServeStart } from './startup'

async function main(): Promise<void> {
  let config: ServeConfig | { help: true }
  try {
    config = parseServeArgs(process.argv.slice(2), process.env)
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}\n`)
    process.exit(2)
  }
  if ('help' in config) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const start = resolveServeStart(process.argv.slice(2), process.env, config)
  mkdirSync(start.workspace, { recursive: true })
  const crashLog = new RotatingLog(join(start.userData, 'logs'))
  const service = createProcessEngineService(workerSpawner(join(__dirname, 'worker.js'), { ...start, mode: 'browser' }), {
    log: (entry) => crashLog.write(entry)
  })
  // Spawn the engine now so TF.js is loaded by the time the page asks for it.
  void service.call('engine.info', {})
  const server = await startServer({
    service,
    staticDir: join(__dirname, '..', 'renderer'),
    port: config.port,
    token: process.env.NAGARE_TOKEN || undefined
  })
  process.stdout.write(`Nagare is running at ${server.url}\n`)

  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    void server
      .close()
      .then(() => service.dispose())
      .finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  process.stderr.write(`Nagare could not start: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
