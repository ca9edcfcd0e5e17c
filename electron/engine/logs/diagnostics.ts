// The "copy diagnostics" text for a support request: versions, backend, platform, paths and the last
// warnings and errors from the log. It holds no data values: only what the log and the process know.
import { arch, cpus, freemem, platform, release, totalmem } from 'node:os'
import type { RotatingLog } from './rotating-log'

export interface DiagnosticsInput {
  appVersion: string
  mode: string
  backend: string
  available: string[]
  tfjsVersion: string
  workspace: string
  userData: string
  log: RotatingLog
}

const mib = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MiB`

export function diagnosticsText(d: DiagnosticsInput, lastLines = 20): string {
  const v = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string }
  const lines = [
    'Nagare diagnostics',
    `time: ${new Date().toISOString()}`,
    `app version: ${d.appVersion}`,
    `mode: ${d.mode}`,
    `node: ${v.node}`,
    `electron: ${v.electron ?? '(not running in Electron)'}`,
    `chrome: ${v.chrome ?? '-'}`,
    `v8: ${v.v8}`,
    `tfjs-core: ${d.tfjsVersion}`,
    `backend: ${d.backend}`,
    `backends available: ${d.available.join(', ') || '-'}`,
    `platform: ${platform()} ${release()} (${arch()})`,
    `cpus: ${cpus().length}`,
    `memory: ${mib(totalmem())} total, ${mib(freemem())} free`,
    `workspace: ${d.workspace}`,
    `user data: ${d.userData}`,
    `log: ${d.log.file}`,
    '',
    `last ${lastLines} warnings and errors:`
  ]
  const tail = d.log.tail(lastLines)
  return [...lines, ...(tail.length ? tail : ['(none)'])].join('\n') + '\n'
}
