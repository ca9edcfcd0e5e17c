// Screen collection: nav and template order from the ScreenDefs, duplicates keep the first file's, files
// without a ScreenDef[] are ignored, unknown ids resolve to home; the core screens are registered as promised.
import { describe, expect, it, vi } from 'vitest'
import { collectScreens, resolveScreen } from '@/screenRegistry'
import type { ScreenDef } from '@/screens/types'
import core from '@/screens/core'

const view = () => Promise.resolve({ default: {} })
const def = (id: string, extra: Partial<ScreenDef> = {}): ScreenDef => ({ id, component: view, titleKey: `${id}.title`, ...extra })

describe('collectScreens', () => {
  it('orders the navigation and the templates by their own order fields', () => {
    const reg = collectScreens({
      './screens/b.ts': [def('data', { nav: { order: 30 } }), def('train', { template: { order: 20, descriptionKey: 'd' } })],
      './screens/a.ts': [
        def('history', { nav: { order: 20 } }),
        def('dae', { template: { order: 10, descriptionKey: 'd' } }),
        def('settings', { nav: { order: 90 } })
      ]
    })
    expect(reg.nav.map((s) => s.id)).toEqual(['history', 'data', 'settings'])
    expect(reg.templates.map((s) => s.id)).toEqual(['dae', 'train'])
    expect(reg.byId.size).toBe(5)
  })

  it('ignores modules without screens and keeps the first of duplicate ids', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const first = def('x', { titleKey: 'first' })
    const reg = collectScreens({
      './screens/types.ts': undefined,
      './screens/a.ts': [first, { id: 3 }],
      './screens/b.ts': [def('x', { titleKey: 'second' })],
      './screens/c.ts': 'junk'
    })
    expect([...reg.byId.keys()]).toEqual(['x'])
    expect(reg.byId.get('x')).toBe(first)
    expect(warn).toHaveBeenCalledOnce()
    warn.mockRestore()
  })

  it('resolves unknown screens to home', () => {
    const reg = collectScreens({ './screens/core.ts': [def('home'), def('run')] })
    expect(resolveScreen(reg, 'run')?.id).toBe('run')
    expect(resolveScreen(reg, 'nope')?.id).toBe('home')
  })
})

describe('core screens', () => {
  it('registers home, dae (template 10), run, history (nav 20) and settings (nav 90)', () => {
    const reg = collectScreens({ './screens/core.ts': core })
    expect([...reg.byId.keys()].sort()).toEqual(['dae', 'history', 'home', 'run', 'settings'])
    expect(reg.byId.get('dae')?.template?.order).toBe(10)
    expect(reg.byId.get('history')?.nav?.order).toBe(20)
    expect(reg.byId.get('settings')?.nav?.order).toBe(90)
    expect(reg.byId.get('run')?.nav).toBeUndefined()
  })
})
