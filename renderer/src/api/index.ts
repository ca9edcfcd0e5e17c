// The renderer's one door to the engine: `api` (the contract's functions plus onJobEvent). The
// transport is fixed at startup (preload IPC in the desktop app, else the browser-mode WebSocket) but
// only opened on first use, so importing this module has no side effects. Stores never know which.
import { METHOD_NAMES, type Api, type JobEvent } from '../../../shared/contract'
import { isPreloadApi, selectApi, type HostWindow, type TransportKind } from './select'

const host = window as unknown as HostWindow

export const transportKind: TransportKind = isPreloadApi(host.api) ? 'ipc' : 'websocket'

let chosen: Api | undefined
const current = (): Api => (chosen ??= selectApi(host).api)

const delegate: Record<string, unknown> = {
  onJobEvent: (listener: (event: JobEvent) => void) => current().onJobEvent(listener)
}
for (const m of METHOD_NAMES) delegate[m] = (request: unknown) => (current()[m] as (r: unknown) => unknown)(request)

export const api: Api = Object.freeze(delegate) as unknown as Api
export type { TransportKind }
