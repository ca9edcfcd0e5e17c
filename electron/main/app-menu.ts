// The application menu of packaged builds: nothing that reaches DevTools or reloads the page (Electron's
// default menu has View > Toggle Developer Tools and Reload). Windows and Linux get no menu bar at all; macOS
// keeps the app, Edit (copy and paste shortcuts live there) and Window menus. Development builds keep the
// default menu, DevTools included.
import type { Menu as MenuType, MenuItemConstructorOptions } from 'electron'

type MenuApi = Pick<typeof MenuType, 'setApplicationMenu' | 'buildFromTemplate'>

/** The macOS menu of a packaged build: roles only, none of them toggleDevTools, reload or forceReload. */
export const MAC_TEMPLATE: MenuItemConstructorOptions[] = [
  {
    role: 'appMenu',
    submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }]
  },
  {
    role: 'editMenu',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }]
  },
  { role: 'windowMenu', submenu: [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }] }
]

export function installAppMenu(menu: MenuApi, packaged: boolean, platform: NodeJS.Platform): void {
  if (!packaged) return
  menu.setApplicationMenu(platform === 'darwin' ? menu.buildFromTemplate(MAC_TEMPLATE) : null)
}
