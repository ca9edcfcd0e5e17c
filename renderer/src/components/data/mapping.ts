// The import form's logic, kept out of the component so it can be tested alone: the default column
// mapping of a preview, the problems that block Import (as i18n keys under data.import), and the
// per-column issues the preview reports, as i18n keys with their values.
import type { ColumnSummary, DataPreview, MissingPolicy } from '@shared/dataset'
import { LIMITS } from '@shared/limits'
import type { Message, MessageKey } from '@shared/messages'

export interface ImportForm {
  features: number[]
  /** column index, or null for no label */
  label: number | null
  missing: MissingPolicy
  name: string
}

export interface Problem {
  key: string
  params?: Record<string, string | number>
  /** choose the singular or plural form of the message */
  plural?: number
}

/** A column that looks like classes: text only, with few distinct values. */
const labelLike = (c: ColumnSummary): boolean => c.nonNumeric > 0 && c.mean === undefined && c.distinct !== undefined && c.distinct >= 2

/** Numeric columns as features; the file's own label column, or the first label-like column when one is required. */
export function defaultForm(p: DataPreview, requireLabel = false): ImportForm {
  const label = p.suggestedLabel ?? (requireLabel ? (p.columns.find(labelLike)?.index ?? null) : null)
  return {
    features: p.columns.filter((c) => c.numeric && c.index !== label).map((c) => c.index),
    label,
    missing: 'drop-rows',
    name: p.fileName.replace(/\.[^.]+$/, '').slice(0, LIMITS.maxNameLength) || p.fileName.slice(0, LIMITS.maxNameLength)
  }
}

/** What stops Import, each with the place it is shown ('features', 'label', 'policy', 'name'). */
export function formProblems(p: DataPreview, f: ImportForm, requireLabel = false): Record<string, Problem> {
  const out: Record<string, Problem> = {}
  if (f.features.length === 0) out.features = { key: 'errors.noFeatures' }
  if (requireLabel && f.label === null) out.label = { key: 'errors.needLabel' }
  const withText = f.features.map((i) => p.columns[i]).find((c) => c && c.nonNumeric > 0)
  if (withText && f.missing !== 'drop-rows') out.policy = { key: 'errors.textInFeatures', params: { name: withText.name } }
  const name = f.name.trim()
  if (name.length < 1 || name.length > LIMITS.maxNameLength) out.name = { key: 'errors.name', params: { max: LIMITS.maxNameLength } }
  return out
}

/** The preview's column issues as i18n keys (the engine's English `issues` say the same in words). */
export function columnIssues(p: DataPreview, fmt: (n: number) => string): Problem[] {
  const sampled = p.sampledRows ?? p.rows
  const out: Problem[] = []
  const examples = (c: ColumnSummary): string => c.examples.map((e) => `“${e}”`).join(', ')
  for (const c of p.columns) {
    if (c.nonNumeric > 0 && c.nonNumeric + c.missing >= sampled) out.push({ key: 'issues.notNumeric', params: { name: c.name, examples: examples(c) } })
    else if (c.nonNumeric > 0)
      out.push({ key: 'issues.someText', params: { name: c.name, count: fmt(c.nonNumeric), examples: examples(c) }, plural: c.nonNumeric })
    if (c.missing > 0 && c.missing >= sampled) out.push({ key: 'issues.empty', params: { name: c.name } })
    else if (c.missing > 0) out.push({ key: 'issues.missing', params: { name: c.name, count: fmt(c.missing) }, plural: c.missing })
  }
  return out
}

/** the engine's per-column issues, which columnIssues() already shows from the column summaries */
const COLUMN_ISSUES: MessageKey[] = [
  'import.issueNotNumeric',
  'import.issueNonNumericOne',
  'import.issueNonNumericMany',
  'import.issueMissingOne',
  'import.issueMissingMany',
  'import.issueColumnEmpty'
]

/** The engine's issues that are not about one column (e.g. short rows), shown as they are. */
export function fileIssues(p: DataPreview): Message[] {
  return p.issues.filter((i) => !COLUMN_ISSUES.includes(i.key))
}
