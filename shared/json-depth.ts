// Nesting depth of JSON, checked before anything walks it: JSON nested thousands deep parses, but the
// recursive validators and copies after it overflow the stack, which reached the user as an internal
// error. Text and values past MAX_JSON_DEPTH are refused as invalid JSON instead.
import { message, messageSyntaxError } from './messages'

/** Deepest nesting of arrays and objects accepted (specs, model.json and run files need far fewer). */
export const MAX_JSON_DEPTH = 200

/** Whether JSON text nests arrays and objects deeper than `limit` (strings skipped; stops at the first excess). */
export function jsonTextTooDeep(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92)
        i++ // backslash: skip the escaped character
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 || c === 91) {
      if (++depth > limit) return true
    } else if (c === 125 || c === 93) depth--
  }
  return false
}

/** Whether a value nests arrays and objects deeper than `limit` (iterative: a deep value cannot overflow this). */
export function valueTooDeep(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  let visited = 0
  while (stack.length > 0) {
    const [v, d] = stack.pop()!
    if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) continue
    if (d >= limit) return true
    // a wide value is bounded by the frame size already; stop walking it early all the same
    if (++visited > 1_000_000) return false
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, d + 1])
  }
  return false
}

/** JSON.parse, refusing text nested deeper than MAX_JSON_DEPTH with a SyntaxError (so callers report invalid JSON). */
export function parseJson(text: string): unknown {
  if (jsonTextTooDeep(text)) throw messageSyntaxError(message('harden.jsonTooDeep', { max: MAX_JSON_DEPTH }))
  return JSON.parse(text)
}
