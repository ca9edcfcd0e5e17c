// History search and filters: words match name or tags (case and width folded), filters combine, newest
// first with undated runs last; filter menu choices; recent complete runs; name and tag validation.
import { describe, expect, it } from 'vitest'
import { addTag, checkName, choices, EMPTY_FILTER, recentComplete } from '@/components/history/filter'
import { historyEntries } from '@/components/history/entries'
import { historyFixture } from './mockApi'

const ids = (f: Partial<typeof EMPTY_FILTER>) => historyEntries(historyFixture(), [], { ...EMPTY_FILTER, ...f }, 'run').map((e) => e.id)

describe('the run filter (historyEntries over runs)', () => {
  it('lists every run newest first when nothing is set, undated last', () => {
    expect(ids({})).toEqual(['r-new', 'r-bad', 'r-old', 'r-half'])
  })
  it('searches names and tags, every word must match, case and full width folded', () => {
    expect(ids({ text: 'PAPER' })).toEqual(['r-old'])
    expect(ids({ text: 'ｄｅｅｐ' })).toEqual(['r-new'])
    expect(ids({ text: 'swiss deep' })).toEqual(['r-new'])
    expect(ids({ text: 'swiss paper' })).toEqual([])
    expect(ids({ text: '  ' })).toHaveLength(4)
  })
  it('filters by template, status and tag, combined with the search', () => {
    expect(ids({ template: 'dae' })).toEqual(['r-old'])
    expect(ids({ status: 'unreadable' })).toEqual(['r-bad'])
    expect(ids({ status: 'incomplete' })).toEqual(['r-half'])
    expect(ids({ tag: 'roll' })).toEqual(['r-new'])
    expect(ids({ tag: 'roll', text: 'baseline' })).toEqual([])
    expect(ids({ status: 'complete', text: 'r-' })).toEqual(['r-new', 'r-old'])
  })
})

describe('choices and recent runs', () => {
  it('offers the distinct templates and tags, sorted', () => {
    expect(choices(historyFixture())).toEqual({ templates: ['dae', 'train'], tags: ['deep', 'paper', 'roll'] })
  })
  it('keeps only complete runs, newest first, at most n', () => {
    expect(recentComplete(historyFixture()).map((r) => r.id)).toEqual(['r-new', 'r-old'])
    expect(recentComplete(historyFixture(), 1).map((r) => r.id)).toEqual(['r-new'])
  })
})

describe('validation', () => {
  it('trims names and refuses empty or too long ones', () => {
    expect(checkName('  fig 47 ', 120)).toEqual({ ok: true, name: 'fig 47' })
    expect(checkName('   ', 120)).toEqual({ ok: false, reason: 'empty' })
    expect(checkName('x'.repeat(121), 120)).toEqual({ ok: false, reason: 'tooLong' })
    expect(checkName('x'.repeat(120), 120).ok).toBe(true)
  })
  it('adds a trimmed tag, refusing empty, long, duplicate and the 21st', () => {
    expect(addTag(['a'], ' b ')).toEqual({ ok: true, tags: ['a', 'b'] })
    expect(addTag(['a'], 'a')).toEqual({ ok: false, reason: 'duplicate' })
    expect(addTag([], '')).toEqual({ ok: false, reason: 'empty' })
    expect(addTag([], 'y'.repeat(41))).toEqual({ ok: false, reason: 'tooLong' })
    const twenty = Array.from({ length: 20 }, (_, i) => `t${i}`)
    expect(addTag(twenty, 'new')).toEqual({ ok: false, reason: 'tooMany' })
  })
})
