// Packaged desktop builds: DevTools off in the window and no menu item that reaches them (or reloads);
// development builds keep Electron's defaults. Electron is mocked (electron-fake), the menu API recorded.
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => import('./electron-fake'))

import { installAppMenu, MAC_TEMPLATE } from '../../../electron/main/app-menu'
import { windowOptions } from '../../../electron/main/window'

function recordingMenu(): { set: unknown[]; built: MenuItemConstructorOptions[][]; api: Parameters<typeof installAppMenu>[0] } {
  const set: unknown[] = []
  const built: MenuItemConstructorOptions[][] = []
  return {
    set,
    built,
    api: {
      setApplicationMenu: (m: unknown) => void set.push(m),
      buildFromTemplate: (t: MenuItemConstructorOptions[]) => (built.push(t), { template: t }) as never
    } as never
  }
}

/** every role and label anywhere in a template */
function rolesOf(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [String(i.role ?? i.label ?? i.type), ...(Array.isArray(i.submenu) ? rolesOf(i.submenu) : [])])
}

describe('DevTools in packaged builds', () => {
  it('the packaged window has DevTools off; the development window keeps them', () => {
    expect(windowOptions('/p.cjs', true).webPreferences?.devTools).toBe(false)
    expect(windowOptions('/p.cjs', false).webPreferences?.devTools).toBeUndefined()
    // every other switch is the same in both
    const { devTools: _off, ...packaged } = windowOptions('/p.cjs', true).webPreferences!
    expect(packaged).toEqual(windowOptions('/p.cjs', false).webPreferences)
  })

  it('Windows and Linux packaged builds have no menu at all', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const m = recordingMenu()
      installAppMenu(m.api, true, platform)
      expect(m.set).toEqual([null])
    }
  })

  it('the macOS packaged menu has no DevTools or reload item', () => {
    const m = recordingMenu()
    installAppMenu(m.api, true, 'darwin')
    expect(m.built).toEqual([MAC_TEMPLATE])
    const roles = rolesOf(MAC_TEMPLATE).map((r) => r.toLowerCase())
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'quit']))
    for (const r of roles) expect(r).not.toMatch(/devtools|reload|viewmenu|togglefullscreen/)
  })

  it('development builds keep the default menu', () => {
    const m = recordingMenu()
    installAppMenu(m.api, false, 'linux')
    expect(m.set).toEqual([])
  })
})
