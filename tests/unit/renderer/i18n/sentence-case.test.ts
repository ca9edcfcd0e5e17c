// The English catalogues (renderer/src/i18n: en.ts and areas/*, shared/messages/catalog-*.ts) are in
// sentence case and state each number once. The checks are first shown to catch planted offenders, in
// single strings and inside a copy of the real catalogue, before they are run over every real string.
import { describe, expect, it } from 'vitest'
import { messages } from '@/i18n/messages'
import { CATALOGS } from '@shared/messages/catalogues'
import { leaves, repeatedNumbers, titleCaseWords } from './title-case'

/** every English string: the UI's (merged areas) and every engine/shared catalogue's */
function englishStrings(ui: unknown = messages.en): [string, string][] {
  const shared = Object.values(CATALOGS).flatMap((c) => Object.entries(c).map(([k, e]) => [k, (e as { en: string }).en] as [string, string]))
  return [...leaves(ui), ...shared]
}
const offenders = (strings: [string, string][], check: (s: string) => string[]): string[] =>
  strings.filter(([, s]) => check(s).length > 0).map(([k, s]) => `${k}: ${s} (${check(s).join(', ')})`)

describe('sentence case', () => {
  it('catches Title Case phrases and lets sentence case, acronyms and proper nouns through', () => {
    for (const bad of ['Run Summary', 'Open the Layer Picker', 'Depth T and Step Size', 'Compare Runs: A and B', 'Save the Image | Save the Images'])
      expect(titleCaseWords(bad), bad).not.toEqual([])
    expect(titleCaseWords('Run Summary')).toEqual(['Run', 'Summary'])
    for (const good of [
      'Run summary',
      'Export to ONNX from PyTorch',
      'Entropy was estimated with the Kozachenko-Leonenko kNN estimator (k = 5).',
      'Flags A and B',
      'Depth T',
      'Sliced W₂ to input (end)',
      'Done. Next, open the run.',
      'Keys: R reset · 1 front · 2 top',
      'Layer {i} of {n}: {name}',
      'Runge–Kutta 4 with Euler steps'
    ])
      expect(titleCaseWords(good), good).toEqual([])
  })

  it('finds a planted offender inside the real catalogue, and only that one', () => {
    const planted = { ...messages.en, planted: { deep: { title: 'Per-Layer Metrics' } } }
    expect(offenders(englishStrings(planted), titleCaseWords)).toEqual(['planted.deep.title: Per-Layer Metrics (Per, Layer, Metrics)'])
  })

  it('holds for every English string of the UI and the message catalogues', () => {
    const strings = englishStrings()
    // the scan reaches both the UI's nested keys and the shared catalogues
    expect(strings.length).toBeGreaterThan(1500)
    expect(strings.some(([k]) => k === 'results.summary')).toBe(true)
    expect(strings.some(([k]) => k.startsWith('engine.'))).toBe(true)
    expect(offenders(strings, titleCaseWords)).toEqual([])
  })
})

describe('each number once', () => {
  it('catches a placeholder or a literal number stated twice, per plural form', () => {
    expect(repeatedNumbers('Dataset has {rows} rows: all {rows} are used.')).toEqual(['{rows}'])
    expect(repeatedNumbers('2,000 of 2,000 trajectories')).toEqual(['2,000'])
    expect(repeatedNumbers('{n} layer | {n} layers')).toEqual([])
    expect(repeatedNumbers('Unit Gaussians at (−1, 0) and (1, 0)')).toEqual([])
    expect(repeatedNumbers('{shown} of {total} trajectories')).toEqual([])
  })

  it('finds a planted offender inside the real catalogue', () => {
    const planted = { ...messages.en, planted: { note: '{d} features, so the model takes {d} inputs' } }
    expect(offenders(englishStrings(planted), repeatedNumbers)).toEqual(['planted.note: {d} features, so the model takes {d} inputs ({d})'])
  })

  it('holds for every English string of the UI and the message catalogues', () => {
    expect(offenders(englishStrings(), repeatedNumbers)).toEqual([])
  })
})
