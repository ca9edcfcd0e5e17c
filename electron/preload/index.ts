// The sandboxed preload: exposes window.api, one function per contract method (each invoking its own
// channel with exactly one payload) plus onJobEvent, and window.nagareDesktop, the desktop-only bridge
// (saveReportPdf). Nothing else crosses, ipcRenderer least of all.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { Api, JobEvent } from '../../shared/contract'
import { EVENT_CHANNEL, METHOD_NAMES, channelOf } from '../../shared/channels'
import { SAVE_REPORT_PDF_CHANNEL, type DesktopBridge, type SavePdfResult } from '../../shared/desktop-channels'

export function buildApi(): Api {
  const api: Record<string, unknown> = {}
  for (const m of METHOD_NAMES) {
    const channel = channelOf(m)
    api[m] = (request: unknown) => ipcRenderer.invoke(channel, request ?? {})
  }
  api.onJobEvent = (listener: (event: JobEvent) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onJobEvent needs a function')
    // wrap, so the renderer never receives the IpcRendererEvent (it carries the sender)
    const wrapped = (_event: IpcRendererEvent, jobEvent: JobEvent): void => listener(jobEvent)
    ipcRenderer.on(EVENT_CHANNEL, wrapped)
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, wrapped)
  }
  return Object.freeze(api) as unknown as Api
}

/** What only the desktop app can do; its absence tells the renderer it runs in browser mode. */
export function buildDesktopBridge(): DesktopBridge {
  return Object.freeze({
    saveReportPdf: (name: string): Promise<SavePdfResult> => ipcRenderer.invoke(SAVE_REPORT_PDF_CHANNEL, String(name))
  })
}

contextBridge.exposeInMainWorld('api', buildApi())
contextBridge.exposeInMainWorld('nagareDesktop', buildDesktopBridge())
