// The validator's field errors in the UI's language. parseSpec speaks English (shared with the CLI):
// zod's built-in messages (not ours) are matched here and reworded through i18n keys; everything else
// is one of our own spec messages, turned into the locale by the shared message catalogue.
import type { MessageLang } from '@shared/messages'
import { legacyText } from '@shared/messages/legacy'

type Translate = (key: string, params?: Record<string, unknown>) => string

const unquote = (s: string): string => s.replace(/^["']|["']$/g, '')
/** zod's list of values ("a"|"b", 'a' | 'b' or "a", "b") as a plain comma-separated list */
const list = (text: string, sep: RegExp): string => text.split(sep).map(unquote).join(', ')
const BAR = /\s*\|\s*/
const COMMA = /,\s*/

const RULES: [RegExp, string, (m: RegExpMatchArray) => Record<string, unknown>][] = [
  [/^Invalid input: expected int, received number$/, 'validation.integer', () => ({})],
  [/^Invalid input: expected (number|int), received \w+$/, 'validation.number', () => ({})],
  [/^Invalid input: expected (array|object|string|boolean), received \w+$/, 'validation.wrongType', () => ({})],
  [/^Too small: expected number to be >(-?[\d.e+-]+)$/, 'validation.greaterThan', (m) => ({ n: m[1] })],
  [/^Too small: expected number to be >=(-?[\d.e+-]+)$/, 'validation.atLeast', (m) => ({ n: m[1] })],
  [/^Too big: expected number to be <(-?[\d.e+-]+)$/, 'validation.lessThan', (m) => ({ n: m[1] })],
  [/^Too big: expected number to be <=(-?[\d.e+-]+)$/, 'validation.atMost', (m) => ({ n: m[1] })],
  [/^Too small: expected string to have >=1 characters$/, 'validation.required', () => ({})],
  [/^Too big: expected string to have <=(\d+) characters$/, 'validation.tooLong', (m) => ({ n: m[1] })],
  [/^Too small: expected array to have >=(\d+) items$/, 'validation.minItems', (m) => ({ n: m[1] })],
  [/^Too big: expected array to have <=(\d+) items$/, 'validation.maxItems', (m) => ({ n: m[1] })],
  [/^Invalid option: expected one of (.+)$/, 'validation.oneOf', (m) => ({ options: list(m[1], BAR) })],
  [/^Invalid discriminator value\. Expected (.+)$/, 'validation.oneOf', (m) => ({ options: list(m[1], BAR) })],
  [/^Invalid input: expected ("[^"]*"|-?[\d.e+-]+|true|false)$/, 'validation.expected', (m) => ({ value: unquote(m[1]) })],
  [/^Unrecognized keys?: (.+)$/, 'validation.unrecognizedKeys', (m) => ({ keys: list(m[1], COMMA) })],
  [/^Invalid input$/, 'validation.invalid', () => ({})]
]

/** One field error in `locale`: a zod built-in reworded, or our own message from the catalogue. */
export function describeFieldError(message: string, t: Translate, locale: string): string {
  for (const [re, key, params] of RULES) {
    const m = message.match(re)
    if (m) return t(key, params(m))
  }
  const lang: MessageLang = locale === 'ja' ? 'ja' : 'en'
  return legacyText(message, lang)
}
