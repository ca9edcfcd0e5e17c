// @vitest-environment happy-dom
// Hash routes: parse and format (round trip, junk -> home, the token stays out of the hash), go() pushes a
// history entry, Back/Forward and hand-edited hashes are followed.
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { formatHash, parseHash, useNavStore } from '@/stores/nav'
import { flush } from '../helpers'

describe('parseHash / formatHash', () => {
  it('reads a screen and its parameters', () => {
    expect(parseHash('#/run?id=r-1&x=a%20b')).toEqual({ screen: 'run', params: { id: 'r-1', x: 'a b' } })
    expect(parseHash('#/history')).toEqual({ screen: 'history', params: {} })
  })
  it('sends anything unreadable home', () => {
    for (const h of ['', '#', '#/', '#run', '#/Run', '#/../x', '#/9abc', `#/${'a'.repeat(41)}`]) expect(parseHash(h)).toEqual({ screen: 'home', params: {} })
  })
  it('formats what it parses (round trip), encoding values', () => {
    expect(formatHash({ screen: 'run', params: { id: 'a b&c' } })).toBe('#/run?id=a+b%26c')
    expect(formatHash({ screen: 'home', params: {} })).toBe('#/home')
    const r = { screen: 'analysis', params: { id: 'x/y?z', tab: '2' } }
    expect(parseHash(formatHash(r))).toEqual(r)
  })
})

describe('nav store', () => {
  beforeEach(() => {
    history.replaceState(null, '', '/?token=abc#/home')
    setActivePinia(createPinia())
  })

  it('starts on the screen in the address and keeps the token in the query', () => {
    history.replaceState(null, '', '/?token=abc#/run?id=r-2')
    setActivePinia(createPinia())
    const nav = useNavStore()
    expect(nav.screen).toBe('run')
    expect(nav.params).toEqual({ id: 'r-2' })
    nav.go('history')
    expect(location.search).toBe('?token=abc')
    expect(location.hash).toBe('#/history')
  })

  it('go() pushes entries; Back and Forward return to them', async () => {
    const nav = useNavStore()
    const stop = nav.listen()
    const before = history.length
    nav.go('history')
    nav.go('run', { id: 'r-9' })
    expect(history.length).toBe(before + 2)
    expect(location.hash).toBe('#/run?id=r-9')
    nav.back()
    await flush()
    expect(nav.screen).toBe('history')
    expect(nav.params).toEqual({})
    nav.forward()
    await flush()
    expect(nav.screen).toBe('run')
    expect(nav.params).toEqual({ id: 'r-9' })
    stop()
  })

  it('follows a hand-edited hash, and stops listening when asked', async () => {
    const nav = useNavStore()
    const stop = nav.listen()
    location.hash = '#/settings'
    await flush()
    expect(nav.screen).toBe('settings')
    stop()
    location.hash = '#/history'
    await flush()
    expect(nav.screen).toBe('settings')
  })
})
