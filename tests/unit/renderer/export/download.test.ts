// @vitest-environment happy-dom
// The renderer's one download path: a Blob of the content behind an object URL, a link clicked with the
// file name, the URL revoked only after the click has been handled (revoking at once can cancel it).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { dataUrlBytes, REVOKE_AFTER_MS, saveFile } from '@/export/download'

describe('saveFile', () => {
  const blobs: Blob[] = []
  const clicks: { href: string; download: string; attached: boolean; revokedYet: boolean }[] = []
  const revoked: string[] = []

  beforeEach(() => {
    vi.useFakeTimers()
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob)
      return `blob:nagare/${blobs.length}`
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation((u) => void revoked.push(u))
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download, attached: document.body.contains(this), revokedYet: revoked.includes(this.href) })
    })
  })

  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
    blobs.length = 0
    clicks.length = 0
    revoked.length = 0
  })

  it('clicks a link to a fresh object URL with the file name, and revokes that URL only later', async () => {
    saveFile('nagare-study.json', '{"a":1}\n', 'application/json')
    expect(blobs).toHaveLength(1)
    expect(blobs[0].type).toBe('application/json')
    expect(await blobs[0].text()).toBe('{"a":1}\n')
    expect(clicks).toEqual([{ href: 'blob:nagare/1', download: 'nagare-study.json', attached: true, revokedYet: false }])
    // the link is gone at once, the URL stays until the download has started
    expect(document.querySelectorAll('a')).toHaveLength(0)
    expect(revoked).toEqual([])
    vi.advanceTimersByTime(REVOKE_AFTER_MS - 1)
    expect(revoked).toEqual([])
    vi.advanceTimersByTime(1)
    expect(revoked).toEqual(['blob:nagare/1'])
  })

  it('keeps bytes exactly, from a view into a larger buffer and from a bare ArrayBuffer', async () => {
    const whole = Uint8Array.from([9, 1, 2, 3, 9])
    saveFile('a.zip', whole.subarray(1, 4), 'application/zip')
    saveFile('b.bin', Uint8Array.from([4, 5]).buffer, 'application/octet-stream')
    expect(Array.from(new Uint8Array(await blobs[0].arrayBuffer()))).toEqual([1, 2, 3])
    expect(Array.from(new Uint8Array(await blobs[1].arrayBuffer()))).toEqual([4, 5])
    expect(clicks.map((c) => c.download)).toEqual(['a.zip', 'b.bin'])
  })
})

describe('dataUrlBytes', () => {
  it('decodes the payload of a data: URL', () => {
    const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 255])
    expect(Array.from(dataUrlBytes(`data:image/png;base64,${Buffer.from(bytes).toString('base64')}`))).toEqual(Array.from(bytes))
  })
})
