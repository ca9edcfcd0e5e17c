// Navigation: which screen is shown, with its parameters, mirrored in location.hash (#/screen?key=value)
// so Back/Forward and deep links work; the browser-mode token lives in the query string, not the hash.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export type ScreenParams = Record<string, string>

export interface Route {
  screen: string
  params: ScreenParams
}

export const HOME = 'home'

/** '#/analysis?id=x' -> { screen: 'analysis', params: { id: 'x' } }; anything unreadable is home. */
export function parseHash(hash: string): Route {
  const m = /^#\/([a-z][a-z0-9-]{0,39})(?:\?(.*))?$/.exec(hash)
  if (!m) return { screen: HOME, params: {} }
  return { screen: m[1], params: Object.fromEntries(new URLSearchParams(m[2] ?? '')) }
}

export function formatHash(route: Route): string {
  const q = new URLSearchParams(route.params).toString()
  return `#/${route.screen}${q ? `?${q}` : ''}`
}

export const useNavStore = defineStore('nav', () => {
  const initial = parseHash(globalThis.location?.hash ?? '')
  const screen = ref(initial.screen)
  const params = ref<ScreenParams>(initial.params)

  function apply(route: Route): void {
    screen.value = route.screen
    params.value = route.params
  }

  /** show a screen; pushes a history entry so Back returns */
  function go(target: string, p: ScreenParams = {}): void {
    const route = { screen: target, params: p }
    apply(route)
    const hash = formatHash(route)
    if (globalThis.location && globalThis.location.hash !== hash) globalThis.history?.pushState(null, '', hash)
  }

  /** follow Back/Forward and hand-edited hashes */
  function listen(): () => void {
    const onPop = (): void => apply(parseHash(globalThis.location?.hash ?? ''))
    globalThis.addEventListener?.('popstate', onPop)
    globalThis.addEventListener?.('hashchange', onPop)
    return () => {
      globalThis.removeEventListener?.('popstate', onPop)
      globalThis.removeEventListener?.('hashchange', onPop)
    }
  }

  /** Back/Forward through the screens visited (the browser's own history, so the hash stays the truth) */
  function back(): void {
    globalThis.history?.back()
  }
  function forward(): void {
    globalThis.history?.forward()
  }

  return { screen, params, go, back, forward, listen }
})
