// Validated IPC: one invoke channel per contract method, each answering only our window's main frame
// on app://, parsing the payload with the contract before the engine sees it, and never throwing.
import { channelOf, fail, METHOD_NAMES, parseRequest, type EngineService, type Method, type Result } from '../../shared/contract'
import type { IpcMain } from 'electron'
import { message } from '../../shared/messages'
import { APP_HOST, APP_SCHEME } from './origin'

/** The parts of an invoke event and of WebFrameMain the sender check looks at. */
export interface FrameLike {
  url: string
  routingId: number
  processId: number
  parent: unknown
}
export interface InvokeEventLike {
  sender: unknown
  senderFrame: FrameLike | null
}
export interface WindowLike {
  isDestroyed(): boolean
  webContents: { mainFrame: FrameLike }
}

export function isTrustedSender(event: InvokeEventLike, window: WindowLike | null): boolean {
  if (!window || window.isDestroyed()) return false
  if (event.sender !== window.webContents) return false
  const frame = event.senderFrame
  const main = window.webContents.mainFrame
  if (!frame || frame.parent !== null) return false
  if (frame !== main && (frame.routingId !== main.routingId || frame.processId !== main.processId)) return false
  try {
    const u = new URL(frame.url)
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST
  } catch {
    return false
  }
}

export type IpcHandler = (event: InvokeEventLike, ...args: unknown[]) => Promise<Result<unknown>>

/** The handler for one method: sender check, payload parse, call; every failure as data. */
export function ipcHandler(method: Method, service: EngineService, getWindow: () => WindowLike | null): IpcHandler {
  return async (event, ...args) => {
    if (!isTrustedSender(event, getWindow())) return fail('invalid-request', message('errmsg.untrustedSender'))
    if (args.length !== 1) return fail('invalid-request', message('errmsg.oneArgument', { method }))
    const parsed = parseRequest(method, args[0])
    if (!parsed.ok) return parsed
    try {
      return await service.call(parsed.value.method, parsed.value.request as never)
    } catch (e) {
      return fail('internal', message('errmsg.internal', { detail: e instanceof Error ? e.message : String(e) }))
    }
  }
}

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>

/** Bind exactly the contract's channels; returns a function that unbinds them. */
export function registerIpc(ipcMain: IpcMainLike, service: EngineService, getWindow: () => WindowLike | null): () => void {
  for (const m of METHOD_NAMES) ipcMain.handle(channelOf(m), ipcHandler(m, service, getWindow))
  return () => METHOD_NAMES.forEach((m) => ipcMain.removeHandler(channelOf(m)))
}
