// Property tests: random and mutated .npy bytes decode to a well-formed array or fail with NpyError only.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeNpy, decodeNpyAny, encodeNpy, NpyError, npyHeader } from '../../../electron/engine/formats/npy'

const SEED = 20261127
const product = (shape: number[]): number => shape.reduce((a, b) => a * b, 1)

/** Either a well-formed array (shape of safe non-negative integers, data length = product) or an NpyError. */
function check(bytes: Uint8Array): void {
  for (const decode of [decodeNpy, decodeNpyAny]) {
    let a
    try {
      a = decode(bytes, 'fuzz.npy')
    } catch (e) {
      expect(e, String(e)).toBeInstanceOf(NpyError)
      expect((e as Error).message).toMatch(/^fuzz\.npy: \S/)
      continue
    }
    expect(
      a.shape.every((s) => Number.isSafeInteger(s) && s >= 0),
      `shape [${a.shape.join(', ')}]`
    ).toBe(true)
    expect(a.data.length).toBe(product(a.shape))
  }
}

const validNpy = fc.tuple(fc.boolean(), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 3 })).map(([float, shape]) => {
  const n = product(shape)
  const data = float ? Float32Array.from({ length: n }, (_, i) => i / 3) : Int32Array.from({ length: n }, (_, i) => i - 5)
  return new Uint8Array(encodeNpy(data, shape))
})

/** Byte edits: overwrite, truncate, append, or splice text into the header. */
const mutated = fc
  .tuple(
    validNpy,
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
    fc.option(fc.nat(), { nil: undefined }),
    fc.uint8Array({ maxLength: 12 })
  )
  .map(([bytes, edits, cut, tail]) => {
    const out = Uint8Array.from(bytes)
    for (const [at, v] of edits) out[at % out.length] = v
    const kept = cut === undefined ? out : out.subarray(0, cut % (out.length + 1))
    const joined = new Uint8Array(kept.length + tail.length)
    joined.set(kept)
    joined.set(tail, kept.length)
    return joined
  })

/** Headers with adversarial shapes and dtypes, followed by a few data bytes. */
const forgedHeader = fc
  .tuple(
    fc.constantFrom("'<f4'", "'<i4'", "'<f8'", "'>f4'", "'|b1'", "'<f4"),
    fc.constantFrom('False', 'True', 'Nope'),
    fc.array(fc.oneof(fc.nat({ max: 5 }).map(String), fc.constantFrom('9'.repeat(400), '9007199254740993', '-1', '2L', '1e3', '', ' ')), { maxLength: 4 }),
    fc.integer({ min: 1, max: 4 }),
    fc.nat({ max: 64 })
  )
  .map(([descr, fortran, dims, major, extra]) => {
    const dict = `{'descr': ${descr}, 'fortran_order': ${fortran}, 'shape': (${dims.join(', ')}), }`
    const pre = major === 1 ? 10 : 12
    const head = Buffer.alloc(pre + dict.length + 1 + extra, 0x20)
    Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, major, 0]).copy(head, 0)
    if (major === 1) head.writeUInt16LE(dict.length + 1, 8)
    else head.writeUInt32LE(dict.length + 1, 8)
    head.write(dict, pre, 'latin1')
    return new Uint8Array(head)
  })

describe('NPY decoding under bad input', () => {
  it('round-trips every valid small array (the generator itself is sound)', () => {
    fc.assert(
      fc.property(validNpy, (b) => {
        expect(decodeNpy(b).data.length).toBe(decodeNpyAny(b).data.length)
      }),
      { seed: SEED, numRuns: 100 }
    )
  })

  it('random bytes, with or without the magic, never throw anything but NpyError', () => {
    const withMagic = fc.uint8Array({ maxLength: 200 }).map((b) => new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, ...b]))
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), withMagic), check), { seed: SEED, numRuns: 300 })
  })

  it('mutated valid files decode well-formed or fail with NpyError', () => {
    fc.assert(fc.property(mutated, check), { seed: SEED, numRuns: 500 })
  })

  it('forged headers (huge, negative, non-integer dimensions; foreign dtypes; v2/v3) fail with NpyError', () => {
    fc.assert(fc.property(forgedHeader, check), { seed: SEED, numRuns: 400 })
  })

  it('a dimension past 2^53 or overflowing to Infinity is refused, even when another dimension is 0', () => {
    for (const dim of ['9'.repeat(400), '9007199254740993']) {
      const h = npyHeader('<f4', [0, 7])
      const text = h.toString('latin1').replace('(0, 7)', `(0, ${dim})`)
      const b = Buffer.alloc(Math.ceil((text.trimEnd().length + 1) / 64) * 64, 0x20)
      b.write(text.trimEnd(), 0, 'latin1')
      b.writeUInt16LE(b.length - 10, 8)
      b[b.length - 1] = 0x0a
      expect(() => decodeNpyAny(b, 'big.npy')).toThrow(/big\.npy: bad shape .*too large/)
    }
  })
})
