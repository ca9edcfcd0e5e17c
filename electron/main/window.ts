// The one place the application window is made: every security switch stated explicitly, shown only
// once painted. (Guards on navigation, new windows and permissions live in guards.ts.)
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'

/** `packaged`: a packaged build, where DevTools are off (development builds keep them). */
export function windowOptions(preloadPath: string, packaged = false): BrowserWindowConstructorOptions {
  const options: BrowserWindowConstructorOptions = {
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
  if (packaged) options.webPreferences!.devTools = false
  return options
}

export function createMainWindow(preloadPath: string, url: string, packaged = false): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preloadPath, packaged))
  win.once('ready-to-show', () => win.show())
  void win.loadURL(url)
  return win
}
