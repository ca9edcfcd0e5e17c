// Message templates with "{name}" placeholders: filling them from params, and reading params back out of
// a filled English text, so a message the engine wrote in English can be shown in the user's language.
export type Params = Record<string, string | number>

const PLACEHOLDER = /\{(\w+)\}/g

/** The template with each {name} replaced by params[name]; a missing param is left as {name}, visibly. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** The placeholder names of a template, in order of appearance. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1])
}

export interface TemplateMatcher {
  re: RegExp
  names: string[]
  /** characters of fixed text: longer fixed text is the more specific template */
  fixed: number
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** An anchored pattern that matches exactly the texts `fill(template, ...)` can produce. */
export function matcher(template: string): TemplateMatcher {
  const names: string[] = []
  let source = ''
  let fixed = 0
  let last = 0
  for (const m of template.matchAll(PLACEHOLDER)) {
    const literal = template.slice(last, m.index)
    source += escape(literal)
    fixed += literal.length
    // a placeholder seen twice must carry the same text both times
    const seen = names.indexOf(m[1])
    source += seen >= 0 ? `\\k<p${seen}>` : `(?<p${names.length}>[\\s\\S]+?)`
    if (seen < 0) names.push(m[1])
    last = (m.index ?? 0) + m[0].length
  }
  const tail = template.slice(last)
  source += escape(tail)
  fixed += tail.length
  return { re: new RegExp(`^${source}$`), names, fixed }
}

/** The params a filled text was made from, or null when the text is not an instance of the template. */
export function readParams(m: TemplateMatcher, text: string): Record<string, string> | null {
  const hit = m.re.exec(text)
  if (!hit) return null
  const out: Record<string, string> = {}
  m.names.forEach((name, i) => (out[name] = hit.groups![`p${i}`]))
  return out
}
