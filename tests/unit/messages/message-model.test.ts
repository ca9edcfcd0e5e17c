// The Message model: rendering in both languages with nested Messages, the shape check for data read back,
// and zod's issues turned into Messages from their codes (checked against the real schema, not fixtures).
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { english, isMessageValue, message, renderMessage, zodIssueMessage, customIssue, MESSAGES } from '../../../shared/messages'

describe('Message', () => {
  it('renders its template in each language, nested Messages in the same language', () => {
    const inner = message('validation.atLeast', { n: 3 })
    const m = message('validation.expected', { value: inner })
    expect(english(m)).toBe('Must be Must be at least 3..')
    expect(renderMessage(m, 'ja')).toBe('3 以上にしてください。 にしてください。')
  })

  it('groups whole numbers of five digits or more, and leaves the rest as given', () => {
    expect(english(message('validation.atMost', { n: 1000000 }))).toBe('Must be at most 1,000,000.')
    expect(english(message('validation.atMost', { n: 9999 }))).toBe('Must be at most 9999.')
    expect(english(message('validation.atMost', { n: 0.125 }))).toBe('Must be at most 0.125.')
    expect(english(message('validation.atMost', { n: -25000 }))).toBe('Must be at most -25,000.')
    expect(renderMessage(message('validation.atMost', { n: 1e6 }), 'ja')).toBe('1,000,000 以下にしてください。')
  })

  it('keeps params only when there are some', () => {
    expect(message('validation.required', {})).toEqual({ key: 'validation.required' })
  })

  it('tells a Message read back from JSON from anything else', () => {
    expect(isMessageValue(JSON.parse(JSON.stringify(message('validation.atMost', { n: 2 }))))).toBe(true)
    expect(isMessageValue({ key: 'no.such.key' })).toBe(false)
    expect(isMessageValue('Must be at most 2.')).toBe(false)
    expect(isMessageValue({ key: 'validation.atMost', params: [1] })).toBe(false)
  })

  it('shows the key of a message this build does not know rather than nothing', () => {
    expect(english({ key: 'from.a.newer.version' } as never)).toBe('from.a.newer.version')
  })
})

describe('zodIssueMessage', () => {
  const issueOf = (schema: z.ZodType, value: unknown) => {
    const r = schema.safeParse(value)
    if (r.success) throw new Error('expected a failure')
    return zodIssueMessage(r.error.issues[0])
  }

  it('reads ranges from the issue data, inclusive or not', () => {
    expect(issueOf(z.number().min(2), 1)).toEqual(message('validation.atLeast', { n: 2 }))
    expect(issueOf(z.number().gt(2), 1)).toEqual(message('validation.greaterThan', { n: 2 }))
    expect(issueOf(z.number().max(5), 9)).toEqual(message('validation.atMost', { n: 5 }))
    expect(issueOf(z.number().lt(5), 9)).toEqual(message('validation.lessThan', { n: 5 }))
    expect(issueOf(z.array(z.number()).min(2), [1])).toEqual(message('validation.minItems', { n: 2 }))
    expect(issueOf(z.string().min(1), '')).toEqual(message('validation.required'))
    expect(issueOf(z.string().max(4), 'abcdef')).toEqual(message('validation.tooLong', { n: 4 }))
  })

  it('reads types, choices and unknown keys', () => {
    expect(issueOf(z.number().int(), 1.5)).toEqual(message('validation.integer'))
    expect(issueOf(z.number(), 'x')).toEqual(message('validation.number'))
    expect(issueOf(z.enum(['euler', 'rk4']), 'x')).toEqual(message('validation.oneOf', { options: 'euler, rk4' }))
    expect(issueOf(z.literal('a'), 'b')).toEqual(message('validation.expected', { value: 'a' }))
    expect(issueOf(z.strictObject({ a: z.number() }), { a: 1, b: 2 })).toEqual(message('validation.unrecognizedKeys', { keys: 'b' }))
    const tagged = z.discriminatedUnion('kind', [z.object({ kind: z.literal('x') }), z.object({ kind: z.literal('y') })])
    expect(issueOf(tagged, { kind: 'z' })).toEqual(message('validation.oneOf', { options: 'x, y' }))
  })

  it('carries our own refinement Message through zod untouched', () => {
    const m = message('validation.atMost', { n: 7 })
    const schema = z.number().superRefine((_, ctx) => ctx.addIssue(customIssue([], m)))
    expect(issueOf(schema, 1)).toEqual(m)
  })

  it('every validation key has the same placeholders in both languages', () => {
    for (const [key, e] of Object.entries(MESSAGES).filter(([k]) => k.startsWith('validation.'))) {
      const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort()
      expect(names(e.ja), key).toEqual(names(e.en))
    }
  })
})
