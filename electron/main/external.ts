// The one door from the app to the web: an allowlisted https link opens in the user's browser, nothing
// else does. This is the only module that may call shell.openExternal (enforced by eslint.config.mjs).
// Kept free of Electron imports: the shell is passed in, so the check is testable on its own.

/** Sites the app may send the user to (the paper, its DOI, the code); every other host is refused. */
export const EXTERNAL_HOSTS: readonly string[] = Object.freeze(['github.com', 'www.jmlr.org', 'jmlr.org', 'arxiv.org', 'doi.org'])

const MAX_URL_LENGTH = 2048

export interface ExternalOpener {
  openExternal(url: string): Promise<void>
}

/**
 * The normalised URL to hand to the OS when `url` may leave the app, else undefined. Strict on purpose:
 * the OS handler parses the URL again, so anything two parsers could read differently is refused
 * (raw Unicode and IDN labels, percent-encoded or dotted-out hosts, backslashes, whitespace, credentials).
 */
export function allowedExternalUrl(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return undefined
  // printable ASCII only, no backslash: no control characters, no spaces, no homograph hosts
  if (!/^[\x21-\x5b\x5d-\x7e]+$/.test(url)) return undefined
  if (!/^https:\/\//i.test(url)) return undefined
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return undefined
  }
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.port !== '') return undefined
  // the authority as written must be the host as parsed: refuses %-encoding, trailing dots, userinfo tricks
  const written = url.slice('https://'.length).split(/[/?#]/, 1)[0].toLowerCase()
  if (written !== u.host) return undefined
  if (u.hostname.split('.').some((label) => label.startsWith('xn--'))) return undefined
  if (!EXTERNAL_HOSTS.includes(u.hostname)) return undefined
  return u.href
}

/** The only way out of the app to the web; resolves to whether the URL was handed to the OS. */
export async function openExternalSafely(url: string, shell: ExternalOpener): Promise<boolean> {
  const href = allowedExternalUrl(url)
  if (href === undefined) return false
  try {
    await shell.openExternal(href)
    return true
  } catch {
    // no handler for https on this PC: nothing to do, and nothing to crash over
    return false
  }
}
