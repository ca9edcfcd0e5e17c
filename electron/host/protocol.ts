// Messages between a parent (Electron main, browser-mode server) and the process or thread hosting
// the engine: calls { id, method, request } -> { id, result }, pushed { event }s, and a dispose handshake.
import type { ApiError, JobEvent, Result } from '../../shared/contract'
import { message, type MessageParam } from '../../shared/messages'

export interface HostCall {
  id: number
  method: string
  request: unknown
}
export interface HostDispose {
  control: 'dispose'
}
export type ParentMessage = HostCall | HostDispose

export interface HostReply {
  id: number
  result: Result<unknown>
}
export interface HostEvent {
  event: JobEvent
}
export interface HostDisposed {
  control: 'disposed'
}
export type ChildMessage = HostReply | HostEvent | HostDisposed

/** What the engine host needs to create its service. */
export interface HostConfig {
  workspace: string
  mode: 'desktop' | 'browser' | 'in-process'
  backend?: string
  /** settings and logs (default: the engine's, <workspace>/.nagare) */
  userData?: string
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

export const isHostCall = (m: unknown): m is HostCall => isRecord(m) && typeof m.id === 'number' && typeof m.method === 'string'
export const isDispose = (m: unknown): m is HostDispose => isRecord(m) && m.control === 'dispose'
export const isReply = (m: unknown): m is HostReply => isRecord(m) && typeof m.id === 'number' && isRecord(m.result) && typeof m.result.ok === 'boolean'
export const isHostEvent = (m: unknown): m is HostEvent =>
  isRecord(m) && isRecord(m.event) && typeof m.event.jobId === 'string' && typeof m.event.type === 'string'
export const isDisposed = (m: unknown): m is HostDisposed => isRecord(m) && m.control === 'disposed'

export const crashError = (reason: MessageParam): ApiError => ({
  code: 'engine-crashed',
  message: message('engine.crashed', { reason })
})

/** Host configuration as command-line arguments (the utility process receives it this way). */
export function hostArgs(config: HostConfig): string[] {
  const args = ['--workspace', config.workspace, '--mode', config.mode]
  if (config.backend) args.push('--backend', config.backend)
  if (config.userData) args.push('--user-data', config.userData)
  return args
}

export function parseHostConfig(value: unknown): HostConfig {
  if (!isRecord(value) || typeof value.workspace !== 'string' || value.workspace === '') throw new Error('engine host: a workspace folder is required')
  const mode = value.mode
  if (mode !== 'desktop' && mode !== 'browser' && mode !== 'in-process') throw new Error(`engine host: unknown mode ${String(mode)}`)
  if (value.backend !== undefined && typeof value.backend !== 'string') throw new Error('engine host: backend must be a string')
  if (value.userData !== undefined && typeof value.userData !== 'string') throw new Error('engine host: userData must be a string')
  return {
    workspace: value.workspace,
    mode,
    ...(value.backend ? { backend: value.backend } : {}),
    ...(value.userData ? { userData: value.userData } : {})
  }
}

export function parseHostArgs(argv: readonly string[]): HostConfig {
  const read = (flag: string): string | undefined => {
    const i = argv.indexOf(flag)
    return i >= 0 && i + 1 < argv.length ? argv[i + 1] : undefined
  }
  return parseHostConfig({ workspace: read('--workspace'), mode: read('--mode'), backend: read('--backend'), userData: read('--user-data') })
}
