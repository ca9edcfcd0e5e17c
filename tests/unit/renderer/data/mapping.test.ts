// The import form's pure logic: default mapping, what blocks Import, localized issue keys.
import { describe, expect, it } from 'vitest'
import { columnIssues, defaultForm, fileIssues, formProblems } from '@/components/data/mapping'
import { message } from '@shared/messages'
import { PREVIEW } from './fixtures'

describe('import form logic', () => {
  it('defaults to the numeric columns, no label, drop-rows and the file name', () => {
    expect(defaultForm(PREVIEW)).toEqual({ features: [0], label: null, missing: 'drop-rows', name: 'bad-column' })
    // a required label picks the first text column with few values
    expect(defaultForm(PREVIEW, true).label).toBe(2)
    // an .npz labels array is the label, not a feature
    const npz = { ...PREVIEW, fileName: 'p.npz', suggestedLabel: 1, columns: [PREVIEW.columns[0], { ...PREVIEW.columns[0], index: 1, name: 'y' }] }
    expect(defaultForm(npz)).toMatchObject({ features: [0], label: 1, name: 'p' })
  })

  it('blocks Import without features, without a required label, with text under a fill policy, without a name', () => {
    expect(formProblems(PREVIEW, { features: [0], label: null, missing: 'fill-mean', name: 'x' })).toEqual({})
    const p = formProblems(PREVIEW, { features: [], label: null, missing: 'drop-rows', name: ' ' }, true)
    expect(Object.keys(p).sort()).toEqual(['features', 'label', 'name'])
    expect(formProblems(PREVIEW, { features: [0, 1], label: 2, missing: 'fill-zero', name: 'x' })).toEqual({
      policy: { key: 'errors.textInFeatures', params: { name: 'pressure' } }
    })
    expect(formProblems(PREVIEW, { features: [0, 1], label: 2, missing: 'drop-rows', name: 'x' })).toEqual({})
  })

  it('turns the column summaries into issue keys, and keeps the engine file-level issues', () => {
    const keys = columnIssues(PREVIEW, String).map((i) => `${i.key}:${i.params?.name}`)
    expect(keys).toEqual(['issues.missing:temp', 'issues.someText:pressure', 'issues.missing:pressure', 'issues.notNumeric:machine', 'issues.notNumeric:note'])
    expect(columnIssues(PREVIEW, String)[3].params?.examples).toBe('“A”, “B”, “C”')
    expect(fileIssues(PREVIEW)).toEqual([message('import.issueShortRowOne')])
    // sorted by the Message key, not by what the text says: a file-level issue stays, every column issue goes
    const columnLike = {
      ...PREVIEW,
      issues: [
        message('import.issueShortRowsMany', { count: '2' }),
        message('import.issueMissingMany', { name: 'x', count: '3' }),
        message('import.issueColumnEmpty', { name: 'y' }),
        message('import.issueNoNumericColumn')
      ]
    }
    expect(fileIssues(columnLike)).toEqual([message('import.issueShortRowsMany', { count: '2' }), message('import.issueNoNumericColumn')])
  })
})
