// The desktop engine host: an Electron utility process running out/main/utility.js, supervised by the
// host protocol's proxy. Its stderr is forwarded and its tail kept, so a crash is reported with a reason.
import { utilityProcess } from 'electron'
import { hostArgs, type HostConfig } from '../host/protocol'
import { createProcessEngineService, type SpawnEngine, type SupervisorOptions } from '../host/supervisor'
import type { EngineService } from '../../shared/contract'
import { message } from '../../shared/messages'

const TAIL_BYTES = 2000

export function utilitySpawner(modulePath: string, config: HostConfig): SpawnEngine {
  return (handlers) => {
    const child = utilityProcess.fork(modulePath, hostArgs(config), { serviceName: 'Nagare engine', stdio: 'pipe' })
    let tail = ''
    let fatal = ''
    child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(chunk))
    child.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk)
      tail = (tail + chunk.toString('utf8')).slice(-TAIL_BYTES)
    })
    child.on('message', (message: unknown) => handlers.message(message))
    child.on('error', (type: string, location: string) => {
      fatal = `${type} at ${location}`
    })
    child.on('exit', (code: number) => {
      const lastLine = tail.trim().split('\n').pop()?.trim()
      const detail = fatal || lastLine
      handlers.exit(detail ? message('engine.exitCodeWhy', { code, detail }) : message('engine.exitCode', { code }))
    })
    return {
      send: (message) => child.postMessage(message),
      kill: () => void child.kill()
    }
  }
}

export function createUtilityEngineService(modulePath: string, config: HostConfig, options: SupervisorOptions = {}): EngineService {
  return createProcessEngineService(utilitySpawner(modulePath, config), options)
}
