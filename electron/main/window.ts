// The one place the application window is made: every security switch stated explicitly, shown only
// once painted. (Guards on navigation, new windows and permissions live in guards.ts.)
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Nagare',
    backgroundColor: '#101318',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick'
    }
  }
}

export function createMainWindow(preloadPath: string, url: string): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preloadPath))
  win.once('ready-to-show', () => win.show())
  void win.loadURL(url)
  return win
}
