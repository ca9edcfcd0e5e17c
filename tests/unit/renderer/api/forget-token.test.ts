// Browser mode: the token leaves the address bar once the page is up (the cookie set with the page
// authorizes from then on), while the socket opened first still carries it; other query parts and the hash stay.
import { describe, expect, it } from 'vitest'
import { forgetToken, selectApi, type HostWindow } from '../../../../renderer/src/api/select'

function page(search: string, hash = ''): HostWindow & { urls: string[]; sockets: string[] } {
  const urls: string[] = []
  const sockets: string[] = []
  class FakeSocket {
    readyState = 0
    constructor(url: string) {
      sockets.push(url)
    }
    addEventListener(): void {}
    send(): void {}
    close(): void {}
  }
  return {
    urls,
    sockets,
    location: { host: '127.0.0.1:41741', protocol: 'http:', pathname: '/', search, hash },
    WebSocket: FakeSocket,
    history: { state: null, replaceState: (_d, _u, url) => void urls.push(url ?? '') }
  }
}

describe('the token leaves the address bar', () => {
  it('replaces ?token=... by the bare path, keeping other parameters and the hash', () => {
    const w = page('?lang=ja&token=abcDEF123456', '#history')
    forgetToken(w)
    expect(w.urls).toEqual(['/?lang=ja#history'])
  })

  it('does nothing when there is no token (a reload authorized by the cookie)', () => {
    const w = page('?lang=ja')
    forgetToken(w)
    expect(w.urls).toEqual([])
  })

  it('the socket URL is taken before the token is removed', async () => {
    const w = page('?token=abcDEF123456')
    const { api } = selectApi(w)
    // the socket opens on first use
    void api['engine.info']({}).catch(() => undefined)
    await new Promise((r) => setTimeout(r, 0))
    expect(w.sockets).toEqual(['ws://127.0.0.1:41741/api?token=abcDEF123456'])
    expect(w.urls).toEqual(['/'])
  })
})
