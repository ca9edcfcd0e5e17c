// Electron main: single instance, guards on every web contents and the session, the app:// renderer,
// the engine in a supervised utility process, validated IPC, job events forwarded to the one window.
import { homedir } from 'node:os'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron'
import { EVENT_CHANNEL, type EngineService } from '../../shared/contract'
import { RotatingLog } from '../engine/logs/rotating-log'
import { peekSettings } from '../engine/settings/store'
import { createUtilityEngineService } from './engine'
import { installContentGuards, installSessionGuards } from './guards'
import { registerIpc } from './ipc'
import { APP_ENTRY } from './origin'
import { installAppProtocol, registerAppScheme } from './protocol'
import { registerDesktopIpc } from './report-pdf'
import { createMainWindow } from './window'
import { installAppMenu } from './app-menu'

let win: BrowserWindow | null = null
let service: EngineService | null = null

/** the environment wins over the settings (support and tests), the settings over the default */
const workspace = (setting: string): string => process.env.NAGARE_WORKSPACE || setting || join(homedir(), '.nagare', 'workspace')
const backend = (setting: string): string | undefined => process.env.NAGARE_BACKEND || (setting !== 'auto' ? setting : undefined)

function openWindow(): void {
  win = createMainWindow(join(__dirname, '../preload/index.cjs'), APP_ENTRY, app.isPackaged === true)
  win.on('closed', () => (win = null))
}

async function start(): Promise<void> {
  installSessionGuards(session.defaultSession)
  // packaged builds: no menu item reaches DevTools (the window has them off as well)
  installAppMenu(Menu, app.isPackaged === true, process.platform)
  installAppProtocol(join(__dirname, '../renderer'))
  // settings.json is read here without side effects; the engine's settings store sets a bad one aside
  const userData = app.getPath('userData')
  const settings = peekSettings(userData)
  const crashLog = new RotatingLog(join(userData, 'logs'))
  const engine = createUtilityEngineService(
    join(__dirname, 'utility.js'),
    { workspace: workspace(settings.workspace), mode: 'desktop', backend: backend(settings.backend), userData },
    { log: (entry) => crashLog.write(entry) }
  )
  service = engine
  registerIpc(ipcMain, engine, () => win)
  registerDesktopIpc(ipcMain, {
    getWindow: () => win,
    showSaveDialog: (w, o) => dialog.showSaveDialog(w as BrowserWindow, o),
    defaultDir: () => app.getPath('documents')
  })
  engine.onEvent((event) => {
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event)
  })
  openWindow()
  // Start the engine while the window paints, so TF.js is ready for the first request.
  void engine.call('engine.info', {})
}

app.enableSandbox()
registerAppScheme()

if (!app.requestSingleInstanceLock()) app.quit()
else {
  app.on('second-instance', () => {
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  app.on('web-contents-created', (_event, contents) => installContentGuards(contents))
  app.on('window-all-closed', () => app.quit())
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openWindow()
  })
  let disposed = false
  app.on('will-quit', (event) => {
    if (disposed || !service) return
    // Let the engine finish its cleanup (cancelled jobs leave nothing behind), then quit for real.
    event.preventDefault()
    disposed = true
    void service.dispose().finally(() => app.quit())
  })
  app.whenReady().then(start, (e: unknown) => {
    console.error('Nagare could not start:', e)
    app.exit(1)
  })
}
