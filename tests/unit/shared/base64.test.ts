// The shared base64 encoder against Node's own Buffer, across the 48 KiB chunk boundary, and back.
import { describe, expect, it } from 'vitest'
import { base64ToBytes, bytesToBase64 } from '../../../shared/base64'

const bytes = (n: number, seed: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 7919 + seed * 31) % 256)
const CHUNK = 3 * 16 * 1024

describe('base64', () => {
  it('encodes bytes exactly like Buffer, across chunk boundaries', () => {
    for (const n of [0, 1, 2, 3, 4, CHUNK - 1, CHUNK, CHUNK + 1, CHUNK * 2 + 5]) {
      const b = bytes(n, n)
      expect(bytesToBase64(b)).toBe(Buffer.from(b).toString('base64'))
    }
  })

  it('decodes what Buffer encodes, padding included', () => {
    for (const n of [0, 1, 2, 3, 1000]) {
      const b = bytes(n, 3)
      expect(Array.from(base64ToBytes(Buffer.from(b).toString('base64')))).toEqual(Array.from(b))
    }
  })
})
