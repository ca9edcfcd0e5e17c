// Property tests: mutated .npz fixtures through the ZIP reader and the layer-dump loader end in a valid
// result or a clear refusal (ZipError / EngineError), never another error, and never inflate past the cap.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EngineError } from '../../../electron/engine/errors'
import { loadLayerDumps } from '../../../electron/engine/layers/dumps'
import { readZip, ZipError } from '../../../electron/engine/formats/zip'

const SEED = 20261127
const FIX = resolve(__dirname, '../../fixtures/layers')
const CAP = 64 * 1024
let fixtures: Buffer[] = []
let dir: string

beforeAll(async () => {
  fixtures = await Promise.all(['stack.npz', 'stack_deflated.npz', 'dumps/layer_10.npz'].map((f) => readFile(join(FIX, f))))
  dir = await mkdtemp(join(tmpdir(), 'nagare-fuzz-npz-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Overwrite bytes (often in the trailing directory records), truncate, or append. */
const mutation = fc.record({
  which: fc.nat(),
  edits: fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
  cut: fc.option(fc.nat(), { nil: undefined }),
  tail: fc.uint8Array({ maxLength: 8 })
})
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never

function apply(m: Mutation): Buffer {
  const src = fixtures[m.which % fixtures.length]
  const out = Buffer.from(src)
  for (const [nearEnd, at, v] of m.edits) {
    // the central directory and end record live in the last ~200 bytes: aim half the edits there
    const i = nearEnd ? out.length - 1 - (at % Math.min(out.length, 200)) : at % out.length
    out[i] = v
  }
  const kept = m.cut === undefined ? out : out.subarray(0, m.cut % (out.length + 1))
  return Buffer.concat([kept, Buffer.from(m.tail)])
}

function checkZip(buf: Buffer): void {
  let entries
  try {
    entries = readZip(buf, 'fuzz.npz', CAP)
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(ZipError)
    expect((e as Error).message).toMatch(/^fuzz\.npz: \S/)
    return
  }
  for (const e of entries) expect(e.data.length).toBeLessThanOrEqual(CAP)
}

describe('NPZ / ZIP reading under bad input', () => {
  it('the unmutated fixtures read (the generator starts from valid archives)', () => {
    for (const f of fixtures) expect(readZip(f, 'ok.npz', CAP).length).toBeGreaterThan(0)
  })

  it('mutated archives give entries within the cap or a ZipError, never another error', () => {
    fc.assert(
      fc.property(mutation, (m) => checkZip(apply(m))),
      { seed: SEED, numRuns: 600 }
    )
  })

  it('forged central-directory and end-record fields give a ZipError, never another error', () => {
    // [offset in the record, width]: flags, method, crc, sizes, name/extra/comment lengths, local offset
    const CENTRAL_FIELDS: [number, 2 | 4][] = [
      [8, 2],
      [10, 2],
      [16, 4],
      [20, 4],
      [24, 4],
      [28, 2],
      [30, 2],
      [32, 2],
      [42, 4]
    ]
    const EOCD_FIELDS: [number, 2 | 4][] = [
      [10, 2],
      [12, 4],
      [16, 4],
      [20, 2]
    ]
    const forge = fc.record({
      which: fc.nat(),
      central: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(0, 1, 0xff, 0xffff, 0xffffffff), fc.nat()), { maxLength: 3 }),
      eocd: fc.array(fc.tuple(fc.nat(), fc.constantFrom(0, 1, 0xffff, 0xffffffff), fc.nat()), { maxLength: 2 })
    })
    fc.assert(
      fc.property(forge, (f) => {
        const buf = Buffer.from(fixtures[f.which % fixtures.length])
        const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
        const starts: number[] = []
        for (let p = buf.readUInt32LE(eocd + 16); p + 46 <= eocd && buf.readUInt32LE(p) === 0x02014b50; ) {
          starts.push(p)
          p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32)
        }
        const put = (at: number, width: 2 | 4, v: number): void => {
          if (width === 2) buf.writeUInt16LE(v & 0xffff, at)
          else buf.writeUInt32LE(v >>> 0, at)
        }
        for (const [e, k, big, small] of f.central) {
          const [off, w] = CENTRAL_FIELDS[k % CENTRAL_FIELDS.length]
          put(starts[e % starts.length] + off, w, big === 1 ? small : big)
        }
        for (const [k, big, small] of f.eocd) {
          const [off, w] = EOCD_FIELDS[k % EOCD_FIELDS.length]
          put(eocd + off, w, big === 1 ? small : big)
        }
        checkZip(buf)
      }),
      { seed: SEED, numRuns: 600 }
    )
  })

  it('random bytes ending in an end-of-directory signature give a ZipError, never another error', () => {
    const eocd = fc
      .uint8Array({ minLength: 0, maxLength: 120 })
      .map((b) => Buffer.concat([Buffer.from(b), Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18, 0xff)]))
    fc.assert(
      fc.property(eocd, (b) => checkZip(b)),
      { seed: SEED, numRuns: 300 }
    )
  })

  it('through loadLayerDumps, a mutated .npz is a valid stack or an EngineError', async () => {
    let i = 0
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const file = join(dir, `m${i++}.npz`)
        await writeFile(file, apply(m))
        try {
          const d = await loadLayerDumps(file)
          expect(d.layers.length).toBeGreaterThanOrEqual(2)
          for (const l of d.layers) {
            expect(l.data.length).toBe(l.n * l.width)
            expect(Array.from(l.data).every(Number.isFinite)).toBe(true)
          }
        } catch (e) {
          expect(e, String(e)).toBeInstanceOf(EngineError)
          expect((e as EngineError).code).toBe('invalid-request')
        } finally {
          await rm(file, { force: true })
        }
      }),
      { seed: SEED, numRuns: 150 }
    )
  })

  it('a member whose directory entry declares a huge uncompressed size is refused before inflating', () => {
    const buf = Buffer.from(fixtures[1])
    const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    const central = buf.readUInt32LE(eocd + 16)
    expect(buf.readUInt32LE(central)).toBe(0x02014b50)
    buf.writeUInt32LE(0xfffffffe, central + 24) // uncompressed size: ~4 GiB
    expect(() => readZip(buf, 'huge.npz', CAP)).toThrow(/^huge\.npz: member .* is 4,294,967,294 bytes uncompressed, over the 65,536-byte limit$/)
  })

  it('an extra-field length pointing past the archive is a ZipError, not a RangeError (regression)', () => {
    const buf = Buffer.from(fixtures[0])
    const central = buf.readUInt32LE(buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16)
    buf.writeUInt16LE(0xffff, central + 30)
    expect(() => readZip(buf, 'x.npz', CAP)).toThrow(/^x\.npz: corrupt central directory \(entry 1\)$/)
  })

  it('a member that inflates past its declared size is cut off at the declared size and refused', () => {
    const buf = Buffer.from(fixtures[1])
    const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    const central = buf.readUInt32LE(eocd + 16)
    expect(buf.readUInt16LE(central + 10)).toBe(8) // deflated
    buf.writeUInt32LE(16, central + 24) // claims 16 bytes; the real member is larger
    expect(() => readZip(buf, 'bomb.npz', CAP)).toThrow(ZipError)
  })
})
