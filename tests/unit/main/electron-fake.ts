// A recording stand-in for the 'electron' module (vi.mock('electron', () => import('./electron-fake'))):
// enough of app, BrowserWindow, protocol, session, ipcMain, shell, utilityProcess and the preload APIs.
import { EventEmitter } from 'node:events'
import { PassThrough } from 'node:stream'

export const record = {
  windows: [] as FakeWindow[],
  forks: [] as FakeUtility[],
  handled: new Map<string, (...args: unknown[]) => unknown>(),
  exposed: [] as [string, unknown][],
  opened: [] as string[],
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, (r: Request) => Promise<Response>>(),
  lock: true,
  quit: 0,
  sandboxEnabled: false
}

export function resetRecord(): void {
  record.windows.length = 0
  record.forks.length = 0
  record.handled.clear()
  record.exposed.length = 0
  record.opened.length = 0
  record.schemes.length = 0
  record.protocolHandlers.clear()
  record.lock = true
  record.quit = 0
  record.sandboxEnabled = false
  ipcRenderer.removeAllListeners()
  ipcRenderer.invoked.length = 0
  app.removeAllListeners()
  sessionFake.reset()
}

export class FakeFrame {
  parent: FakeFrame | null = null
  constructor(
    public url: string,
    public routingId = 1,
    public processId = 4
  ) {}
}

export class FakeWebContents extends EventEmitter {
  sent: [string, unknown][] = []
  windowOpenHandler: ((d: { url: string }) => { action: string }) | undefined
  mainFrame = new FakeFrame('app://nagare/index.html')
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload])
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h
  }
}

export class FakeWindow extends EventEmitter {
  webContents = new FakeWebContents()
  loaded: string[] = []
  shown = false
  destroyed = false
  constructor(public options: unknown) {
    super()
    record.windows.push(this)
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url)
    return Promise.resolve()
  }
  show(): void {
    this.shown = true
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  isMinimized(): boolean {
    return false
  }
  restore(): void {}
  focus(): void {}
  static getAllWindows(): FakeWindow[] {
    return record.windows
  }
}
export const BrowserWindow = FakeWindow

class FakeApp extends EventEmitter {
  private ready!: () => void
  readyPromise = new Promise<void>((r) => (this.ready = r))
  enableSandbox(): void {
    record.sandboxEnabled = true
  }
  requestSingleInstanceLock(): boolean {
    return record.lock
  }
  quit(): void {
    record.quit++
  }
  exit(): void {}
  isReady(): boolean {
    return true
  }
  /** a folder that does not exist: main reads default settings from it */
  getPath(name: string): string {
    return `/nonexistent/nagare-fake-${name}`
  }
  whenReady(): Promise<void> {
    return this.readyPromise
  }
  fireReady(): void {
    this.ready()
  }
}
export const app = new FakeApp()

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    record.schemes.push(...schemes)
  },
  handle(scheme: string, handler: (r: Request) => Promise<Response>): void {
    record.protocolHandlers.set(scheme, handler)
  }
}

type RequestHandler = (wc: unknown, perm: string, cb: (ok: boolean) => void, details: unknown) => void
type CheckHandler = (wc: unknown, perm: string, origin: string, details: unknown) => boolean
type DeviceHandler = (d: unknown) => boolean
type BeforeRequest = (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void

interface SessionFake {
  requestHandler?: RequestHandler
  checkHandler?: CheckHandler
  deviceHandler?: DeviceHandler
  beforeRequest?: BeforeRequest
  setPermissionRequestHandler(h: RequestHandler): void
  setPermissionCheckHandler(h: CheckHandler): void
  setDevicePermissionHandler(h: DeviceHandler): void
  webRequest: { onBeforeRequest(h: BeforeRequest): void }
  reset(): void
}

const sessionFake: SessionFake = {
  setPermissionRequestHandler(h) {
    sessionFake.requestHandler = h
  },
  setPermissionCheckHandler(h) {
    sessionFake.checkHandler = h
  },
  setDevicePermissionHandler(h) {
    sessionFake.deviceHandler = h
  },
  webRequest: {
    onBeforeRequest(h) {
      sessionFake.beforeRequest = h
    }
  },
  reset() {
    sessionFake.requestHandler = sessionFake.checkHandler = sessionFake.deviceHandler = sessionFake.beforeRequest = undefined
  }
}
export const session = { defaultSession: sessionFake }

export const ipcMain = {
  handle(channel: string, listener: (...args: unknown[]) => unknown): void {
    if (record.handled.has(channel)) throw new Error(`second handler for ${channel}`)
    record.handled.set(channel, listener)
  },
  removeHandler(channel: string): void {
    record.handled.delete(channel)
  }
}

export const shell = {
  async openExternal(url: string): Promise<void> {
    record.opened.push(url)
  }
}

export class FakeUtility extends EventEmitter {
  posted: unknown[] = []
  killed = false
  stdout = new PassThrough()
  stderr = new PassThrough()
  constructor(
    public modulePath: string,
    public args: string[],
    public options: unknown
  ) {
    super()
  }
  postMessage(m: unknown): void {
    this.posted.push(m)
  }
  kill(): boolean {
    this.killed = true
    return true
  }
}
export const utilityProcess = {
  fork(modulePath: string, args: string[], options: unknown): FakeUtility {
    const child = new FakeUtility(modulePath, args, options)
    record.forks.push(child)
    return child
  }
}

export const contextBridge = {
  exposeInMainWorld(key: string, value: unknown): void {
    record.exposed.push([key, value])
  }
}

class FakeIpcRenderer extends EventEmitter {
  invoked: unknown[][] = []
  invoke(...args: unknown[]): Promise<unknown> {
    this.invoked.push(args)
    return Promise.resolve({ ok: true, value: args })
  }
}
export const ipcRenderer = new FakeIpcRenderer()

export default { app, BrowserWindow, protocol, session, ipcMain, shell, utilityProcess, contextBridge, ipcRenderer }

/** the application menu (main/app-menu.ts): what was set last */
export const Menu = {
  current: undefined as unknown,
  setApplicationMenu(m: unknown): void {
    Menu.current = m
  },
  buildFromTemplate: (template: unknown): unknown => ({ template })
}
