// openExternalSafely: only allowlisted https URLs ever reach the OS, normalised; every trick for
// smuggling another scheme, host or parser disagreement past the check is refused.
import { describe, expect, it } from 'vitest'
import { allowedExternalUrl, EXTERNAL_HOSTS, openExternalSafely, type ExternalOpener } from '../../../electron/main/external'

function recordingShell(fail = false): ExternalOpener & { opened: string[] } {
  const opened: string[] = []
  return {
    opened,
    async openExternal(url: string) {
      if (fail) throw new Error('no handler for https')
      opened.push(url)
    }
  }
}

const ACCEPTED: [string, string][] = [
  ['https://github.com/x/y', 'https://github.com/x/y'],
  ['https://arxiv.org/abs/1709.09987', 'https://arxiv.org/abs/1709.09987'],
  ['https://www.jmlr.org/papers/v20/18-603.html', 'https://www.jmlr.org/papers/v20/18-603.html'],
  ['https://doi.org/10.1/x?q=1#f', 'https://doi.org/10.1/x?q=1#f'],
  ['https://jmlr.org', 'https://jmlr.org/'],
  ['HTTPS://GitHub.com/Nagare', 'https://github.com/Nagare']
]

const REFUSED = [
  'http://github.com/', // not https
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'app://nagare/index.html',
  'smb://github.com/share',
  'https:github.com/x', // no authority slashes: parsers disagree
  'https:/github.com/x',
  'https://github.com.evil.example/', // other hosts
  'https://evil.example/?https://github.com',
  'https://evil.example/#@github.com',
  'https://evilgithub.com/',
  'https://gist.github.com/', // subdomains are other hosts
  'https://user:pw@github.com/', // credentials
  'https://github.com@evil.example/',
  'https://github.com:8443/', // ports
  'https://github.com:443/',
  'https://github.com./', // trailing dot
  'https://git%68ub.com/', // percent-encoded host
  'https://gіthub.com/', // Cyrillic і (IDN homograph, raw)
  'https://xn--gthub-n4a.com/', // the same, in punycode
  'https://github.com\\@evil.example/', // backslash
  'https://github.com/\u0000x',
  'https://github.com/ x',
  ' https://github.com/',
  'https://github.com/\nx',
  'https://140.82.121.4/', // an address instead of a name
  `https://github.com/${'a'.repeat(3000)}`,
  'not a url',
  ''
]

describe('allowedExternalUrl', () => {
  it('accepts allowlisted https URLs and returns them normalised', () => {
    for (const [url, href] of ACCEPTED) expect(allowedExternalUrl(url), url).toBe(href)
  })

  it('refuses every other scheme, host, credential, port and encoding trick', () => {
    for (const url of REFUSED) expect(allowedExternalUrl(url), JSON.stringify(url)).toBeUndefined()
  })

  it('refuses values that are not strings', () => {
    for (const v of [undefined, null, 42, {}, ['https://github.com/'], new URL('https://github.com/')]) expect(allowedExternalUrl(v)).toBeUndefined()
  })

  it('has a small, https-only, ASCII allowlist that cannot be extended at run time', () => {
    expect(EXTERNAL_HOSTS.length).toBeGreaterThan(0)
    for (const h of EXTERNAL_HOSTS) expect(h).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/)
    expect(Object.isFrozen(EXTERNAL_HOSTS)).toBe(true)
    expect(() => (EXTERNAL_HOSTS as string[]).push('evil.example')).toThrow()
  })
})

describe('openExternalSafely', () => {
  it('hands only allowlisted URLs to the shell, normalised, and reports what it did', async () => {
    const shell = recordingShell()
    for (const url of REFUSED) expect(await openExternalSafely(url, shell), url).toBe(false)
    expect(shell.opened).toEqual([])
    expect(await openExternalSafely('HTTPS://GitHub.com/Nagare', shell)).toBe(true)
    expect(await openExternalSafely('https://arxiv.org/abs/1709.09987', shell)).toBe(true)
    expect(shell.opened).toEqual(['https://github.com/Nagare', 'https://arxiv.org/abs/1709.09987'])
  })

  it('resolves to false, without throwing, when the OS has no handler', async () => {
    expect(await openExternalSafely('https://github.com/', recordingShell(true))).toBe(false)
  })
})
