// Deny-by-default guards for every web contents and the session: no navigation away from app://, no
// new windows, no webviews, no permissions, no network outside the app. Allowlisted https links open
// in the user's browser through openExternalSafely() (external.ts); every other URL is just refused.
import { shell, type Session, type WebContents } from 'electron'
import { openExternalSafely } from './external'
import { APP_ORIGIN } from './origin'

export const isAppUrl = (url: string): boolean => url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`)

export function installContentGuards(contents: WebContents): void {
  const refuseNavigation = (event: { preventDefault(): void }, url: string): void => {
    event.preventDefault()
    void openExternalSafely(url, shell)
  }
  contents.on('will-navigate', refuseNavigation)
  // Subframes too. The main frame is left to will-navigate (whichever of the two Electron emits first),
  // so an allowlisted link is opened once and every main-frame navigation is still refused there.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault()
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url, shell)
    return { action: 'deny' }
  })
}

export function installSessionGuards(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  // Nothing the renderer loads comes from outside the app: refuse every other scheme at the network layer.
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppUrl(details.url) || details.url.startsWith('devtools://') || details.url.startsWith('blob:') || details.url.startsWith('data:')
    callback({ cancel: !allowed })
  })
}
