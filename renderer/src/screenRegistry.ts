// The screens of the workbench, collected from every renderer/src/screens/<area>.ts (each default-exports
// ScreenDef[]): lookup by id, the header navigation and the home screen's template tiles, both in order.
import type { InjectionKey } from 'vue'
import type { ScreenDef } from './screens/types'

export interface ScreenRegistry {
  byId: Map<string, ScreenDef>
  /** screens with `nav`, by nav.order */
  nav: ScreenDef[]
  /** screens with `template`, by template.order */
  templates: ScreenDef[]
}

const isScreen = (s: unknown): s is ScreenDef =>
  typeof s === 'object' && s !== null && typeof (s as ScreenDef).id === 'string' && typeof (s as ScreenDef).component === 'function'

/** Build the registry from glob results; modules without a ScreenDef[] default export are ignored, and a
 *  duplicate id keeps the first (by file name) so one area cannot silently replace another's screen. */
export function collectScreens(modules: Record<string, unknown>): ScreenRegistry {
  const byId = new Map<string, ScreenDef>()
  for (const file of Object.keys(modules).sort()) {
    const list = modules[file]
    if (!Array.isArray(list)) continue
    for (const s of list) {
      if (!isScreen(s)) continue
      if (byId.has(s.id)) console.warn(`screens: ${file} registers "${s.id}" again; the first is kept`)
      else byId.set(s.id, s)
    }
  }
  const all = [...byId.values()]
  const nav = all.filter((s) => s.nav).sort((a, b) => a.nav!.order - b.nav!.order)
  const templates = all.filter((s) => s.template).sort((a, b) => a.template!.order - b.template!.order)
  return { byId, nav, templates }
}

/** The screen to show for a route id: unknown ids fall back to home. */
export function resolveScreen(reg: ScreenRegistry, id: string, home = 'home'): ScreenDef | undefined {
  return reg.byId.get(id) ?? reg.byId.get(home)
}

/** The shell provides the registry to screens that list other screens (home). */
export const SCREENS_KEY: InjectionKey<ScreenRegistry> = Symbol('screens')
