// Property test: data.preview on random and damaged CSV text answers with a preview or a clear
// EngineError ('invalid-request' / 'budget' with a message), never anything else.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { previewUpload } from '../../../../../electron/engine/datasets/import/preview'
import { Staging } from '../../../../../electron/engine/datasets/import/staging'
import { EngineError } from '../../../../../electron/engine/errors'

const SEED = 20261127

function check(name: string, text: string): void {
  const staging = new Staging()
  let p
  try {
    p = previewUpload(staging, name, new TextEncoder().encode(text))
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(EngineError)
    expect(['invalid-request', 'budget']).toContain((e as EngineError).code)
    expect((e as Error).message.length).toBeGreaterThan(10)
    return
  }
  expect(p.rows).toBeGreaterThan(0)
  expect(p.columns.length).toBeGreaterThan(0)
  for (const c of p.columns) {
    expect(c.missing + c.nonNumeric).toBeLessThanOrEqual(p.rows)
    if (c.mean !== undefined) expect(c.min! <= c.mean && c.mean <= c.max!).toBe(true)
    expect(c.examples.length).toBeLessThanOrEqual(3)
  }
  expect(p.head.length).toBe(Math.min(20, p.rows))
  expect(p.head.every((r) => r.length === p.columns.length)).toBe(true)
}

const cell = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map(String),
  fc.constantFrom('', 'NA', 'NaN', 'null', 'abc', '"q,uo""te"', '"open', '1e999', ' 7 ', 'あ', '\ufeff'),
  fc.string({ maxLength: 6 })
)
const csvish = fc
  .tuple(
    fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 0, maxLength: 12 }),
    fc.constantFrom(',', '\t', ';'),
    fc.constantFrom('\n', '\r\n')
  )
  .map(([rows, sep, eol]) => rows.map((r) => r.join(sep)).join(eol))

describe('data.preview under random CSV text', () => {
  it('CSV-shaped text with bad cells', () => {
    fc.assert(
      fc.property(csvish, fc.constantFrom('f.csv', 'f.tsv', 'f.txt'), (text, name) => check(name, text)),
      { seed: SEED, numRuns: 300 }
    )
  })
  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => check('any.csv', text)),
      { seed: SEED, numRuns: 300 }
    )
  })
  it('arbitrary bytes named as NPY, NPZ or CSV', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('x.npy', 'x.npz', 'x.csv'), (bytes, name) => {
        try {
          previewUpload(new Staging(), name, bytes)
        } catch (e) {
          expect(e, String(e)).toBeInstanceOf(EngineError)
        }
      }),
      { seed: SEED, numRuns: 300 }
    )
  })
})
