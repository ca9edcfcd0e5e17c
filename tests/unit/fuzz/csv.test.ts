// Property tests: random text and mutated numeric CSV give a finite [n, d] cloud or a CloudInputError
// that names the file and the line (or row) at fault.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CloudInputError, parseCsvCloud } from '../../../electron/engine/inputs/cloud-input'

const SEED = 20261127

function check(text: string): void {
  let c
  try {
    c = parseCsvCloud(text, 'fuzz.csv')
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(CloudInputError)
    // every refusal names the file, and either the line, the row, or that there were no rows at all
    expect((e as Error).message).toMatch(/^fuzz\.csv: (line \d+|row \d+|no data rows)/)
    return
  }
  expect(c.n).toBeGreaterThan(0)
  expect(c.d).toBeGreaterThan(0)
  expect(c.data.length).toBe(c.n * c.d)
  expect(Array.from(c.data).every(Number.isFinite)).toBe(true)
}

const num = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
  fc.integer().map(String),
  fc.constantFrom('1e999', '-1e999', 'NaN', 'inf', '-Infinity', '"2.5"', '""', '.5', '5.', '+3', '1e-400', '0x10', '1_000', ' ')
)
const numericCsv = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom(',', '\t', ' ', ', '), fc.boolean(), fc.constantFrom('\n', '\r\n'))
  .chain(([d, n, sep, header, eol]) =>
    fc.array(fc.array(num, { minLength: d, maxLength: d }), { minLength: n, maxLength: n }).map((rows) => {
      const lines = rows.map((r) => r.join(sep))
      if (header) lines.unshift(Array.from({ length: d }, (_, j) => `x${j}`).join(sep))
      return lines.join(eol)
    })
  )

/** Line-level damage: drop, duplicate, insert junk or comments, cut the text. */
const mutatedCsv = fc
  .tuple(
    numericCsv,
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'dup', 'junk', 'comment', 'blank', 'extra-field')), { maxLength: 3 }),
    fc.option(fc.nat(), { nil: undefined })
  )
  .map(([text, edits, cut]) => {
    const lines = text.split('\n')
    for (const [at, op] of edits) {
      const i = at % lines.length
      if (op === 'drop') lines.splice(i, 1)
      else if (op === 'dup') lines.splice(i, 0, lines[i])
      else if (op === 'junk') lines.splice(i, 0, 'a,b;c\u0000"')
      else if (op === 'comment') lines.splice(i, 0, '# note, 1, 2')
      else if (op === 'blank') lines.splice(i, 0, '   ')
      else lines[i] = `${lines[i]},7`
      if (lines.length === 0) lines.push('')
    }
    const joined = lines.join('\n')
    return cut === undefined ? joined : joined.slice(0, cut % (joined.length + 1))
  })

describe('CSV cloud parsing under bad input', () => {
  it('arbitrary strings never throw anything but a CloudInputError naming a line', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), check), { seed: SEED, numRuns: 400 })
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('1', '.', ',', '\n', 'e', '-', ' ', '\t', '"', '#', 'x', '\r'), maxLength: 80 }), check), {
      seed: SEED,
      numRuns: 400
    })
  })

  it('numeric CSVs with odd values, and damaged ones, parse finite or name the line', () => {
    fc.assert(fc.property(numericCsv, check), { seed: SEED, numRuns: 300 })
    fc.assert(fc.property(mutatedCsv, check), { seed: SEED, numRuns: 400 })
  })

  it('a clean numeric CSV parses to exactly its values (independent truth: the generated numbers)', () => {
    const clean = fc.array(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 })
    fc.assert(
      fc.property(clean, (rows) => {
        const c = parseCsvCloud(rows.map((r) => r.join(',')).join('\n'), 'ok.csv')
        expect([c.n, c.d]).toEqual([rows.length, 2])
        expect(Array.from(c.data)).toEqual(rows.flat())
      }),
      { seed: SEED, numRuns: 100 }
    )
  })

  it('names the offending line for a known bad case', () => {
    expect(() => parseCsvCloud('1,2\n3,4\n5,oops\n', 'f.csv')).toThrow(/^f\.csv: line 3, column 2: "oops" is not a number$/)
  })
})
