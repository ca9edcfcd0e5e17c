// The sandboxed preload: exposes window.api, one function per contract method (each invoking its own
// channel with exactly one payload) plus onJobEvent. Nothing else crosses, ipcRenderer least of all.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { Api, JobEvent } from '../../shared/contract'
import { EVENT_CHANNEL, METHOD_NAMES, channelOf } from '../../shared/channels'

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

contextBridge.exposeInMainWorld('api', buildApi())
