// Deny-by-default guards for every web contents and the session: no navigation away from app://, no
// new windows, no webviews, no permissions, no network outside the app. Allowlisted https links open
// in the user's browser through the one openExternal() below.
import { shell, type Session, type WebContents } from 'electron'
import { APP_ORIGIN } from './origin'

/** Sites the app may send the user to (the paper, the code); everything else is refused. */
export const EXTERNAL_HOSTS = ['github.com', 'www.jmlr.org', 'jmlr.org', 'arxiv.org', 'doi.org'] as const

export function isAllowedExternalUrl(url: string): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  return u.protocol === 'https:' && u.username === '' && u.password === '' && u.port === '' && (EXTERNAL_HOSTS as readonly string[]).includes(u.hostname)
}

/** The only way out of the app to the web; returns whether the URL was opened. */
export async function openExternal(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false
  await shell.openExternal(url)
  return true
}

export const isAppUrl = (url: string): boolean => url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`)

export function installContentGuards(contents: WebContents): void {
  const refuseNavigation = (event: { preventDefault(): void }, url: string): void => {
    event.preventDefault()
    void openExternal(url)
  }
  contents.on('will-navigate', refuseNavigation)
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    void openExternal(url)
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
