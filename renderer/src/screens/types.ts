// A screen of the workbench. Each area registers its screens in its own renderer/src/screens/<area>.ts
// (default export: ScreenDef[]); the shell collects them, so areas never edit a shared list.
import type { Component } from 'vue'

export interface ScreenDef {
  /** route id, e.g. 'home', 'dae', 'analyze', 'analysis', 'data', 'history', 'settings' */
  id: string
  /** lazy view: () => import('@/views/SomeView.vue') */
  component: () => Promise<Component | { default: Component }>
  /** i18n key of the screen title */
  titleKey: string
  /** an experiment template: shown as a tile on the home screen, in this order */
  template?: { order: number; descriptionKey: string }
  /** shown in the header navigation, in this order */
  nav?: { order: number }
}
