// @vitest-environment happy-dom
// The per-layer table and the flags: numbers written for the locale (percentages, 3 significant digits,
// ×), null shown as "—" with the reason in its title, the current row marked; flags worded per kind in
// English and Japanese with the value, the threshold and the remedy; "show" selects the layer.
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createAppI18n } from '@/i18n'
import LayerTable from '@/components/analyze/LayerTable.vue'
import LayerFlags from '@/components/analyze/LayerFlags.vue'
import { formatValue, type ReportFlag, type ReportRow, type ReportView } from '@/components/analyze/report'

const input: ReportRow = {
  index: 0,
  name: 'input',
  width: 2,
  knnPreservation: 1,
  distanceCorrelation: 1,
  ckaToInput: 1,
  ckaToPrevious: null,
  entropy: 2.5,
  entropyNote: null,
  separability: null,
  merging: 0,
  stretch: null,
  velocity: null,
  kineticEnergy: null,
  update: null,
  w2FromPrevious: null,
  motionRatio: null
}
const hidden: ReportRow = {
  index: 1,
  name: 'dense_1',
  width: 64,
  knnPreservation: 0.8125,
  distanceCorrelation: null,
  ckaToInput: 0.987654,
  ckaToPrevious: 0.5,
  entropy: null,
  entropyNote: 'width 64 > 3: kNN entropy estimates are unreliable in high dimension, omitted',
  separability: null,
  merging: 0.125,
  stretch: 0,
  velocity: null,
  kineticEnergy: null,
  update: 1234.5,
  w2FromPrevious: 0.0001234,
  motionRatio: 5
}
const report: ReportView = { n: 1200, layerCount: 2, k: 10, rows: [input, hidden], flags: [], samplingNote: null, hasLabels: false }
const cells = (w: ReturnType<typeof mount>, row: number) =>
  Object.fromEntries(
    w.findAll(`[data-testid="layer-row-${row}"] td[data-col]`).map((td) => [td.attributes('data-col'), { text: td.text(), title: td.attributes('title') }])
  )

describe('layer table', () => {
  it('formats numbers for English and shows null as — with why', () => {
    const w = mount(LayerTable, { props: { report, current: 1 }, global: { plugins: [createAppI18n('en')] } })
    const c = cells(w, 1)
    expect(c.knnPreservation).toEqual({ text: '81.3%', title: undefined })
    expect(c.ckaToInput.text).toBe('0.988')
    expect(c.update.text).toBe('1,230')
    expect(c.w2FromPrevious.text).toBe('0.000123')
    expect(c.motionRatio.text).toBe('5×')
    expect(c.merging.text).toBe('12.5%')
    expect(c.distanceCorrelation).toEqual({ text: '—', title: 'All distances are equal at this layer, so their correlation is undefined.' })
    expect(c.entropy).toEqual({ text: '—', title: hidden.entropyNote })
    expect(c.separability.title).toBe('No labels were given, so classes cannot be compared.')
    const c0 = cells(w, 0)
    expect(c0.ckaToPrevious).toEqual({ text: '—', title: 'The input layer has no previous layer.' })
    expect(c0.update.title).toBe('The input layer has no previous layer.')
    expect(w.find('[data-testid="layer-row-1"]').classes()).toContain('current')
    expect(w.find('[data-testid="layer-row-0"]').classes()).not.toContain('current')
    expect(w.find('caption').text()).toBe('Per-layer metrics (1,200 points, k = 10)')
    expect(w.find('th[data-col="merging"]').attributes('title')).toContain('distinct at the input')
  })

  it('gives reasons in Japanese and emits the clicked row', async () => {
    const w = mount(LayerTable, { props: { report: { ...report, hasLabels: true }, current: 0 }, global: { plugins: [createAppI18n('ja')] } })
    const c = cells(w, 1)
    expect(c.separability.title).toBe('クラスが 1 つしかないため、分離するものがありません。')
    expect(c.motionRatio.text).toBe('5×')
    await w.find('[data-testid="layer-row-1"]').trigger('click')
    expect(w.emitted('select')).toEqual([[1]])
  })

  it('formatValue: locale grouping and non-finite values', () => {
    expect(formatValue(12345.678, 'plain', 'en')).toBe('12,300')
    expect(formatValue(0.05, 'percent', 'ja')).toBe('5%')
    expect(formatValue(null, 'plain', 'en')).toBe('—')
    expect(formatValue(Number.NaN, 'ratio', 'en')).toBe('—')
  })
})

describe('layer flags', () => {
  const flags = [
    { kind: 'merging', layer: 2, name: 'hidden', value: 0.125, threshold: 0.05, message: 'x', remedy: 'y' },
    { kind: 'motion', layer: 5, name: 'res_3', value: 4.5, threshold: 3, message: 'x', remedy: 'y' },
    { kind: 'neighbours', layer: 1, name: 'dense', value: 0.3, threshold: 0.5, message: 'x', remedy: 'y' },
    // a kind from a newer engine: the engine's own words are shown
    { kind: 'novel', layer: 3, name: 'z', value: 1, threshold: 1, message: 'something new', remedy: 'do this' }
  ] as unknown as ReportFlag[]

  it('words each flag with its numbers and remedy, and selects its layer', async () => {
    const w = mount(LayerFlags, { props: { flags, k: 10 }, global: { plugins: [createAppI18n('en')] } })
    const items = w.findAll('.flag')
    expect(items[0].find('.flag-text').text()).toBe('Layer 2 (hidden) merges 12.5% of the point pairs that were distinct at the input (threshold 5%).')
    expect(items[0].find('.flag-remedy').text()).toContain('Regularize the kinetic energy')
    expect(items[1].find('.flag-text').text()).toBe(
      'Layer 5 (res_3) moves the data 4.5× more than its neighbours in its residual stretch (threshold 3× the median update).'
    )
    expect(items[2].find('.flag-text').text()).toBe("Layer 1 (dense) keeps only 30% of each point's 10 nearest neighbours (threshold 50%).")
    expect(items[3].find('.flag-text').text()).toBe('Layer 3 (z): something new')
    expect(items[3].find('.flag-remedy').text()).toContain('do this')
    await w.find('[data-testid="flag-show-1"]').trigger('click')
    expect(w.emitted('select')).toEqual([[5]])
  })

  it('Japanese wording, and a calm message when nothing is flagged', () => {
    const w = mount(LayerFlags, { props: { flags: flags.slice(0, 1), k: 10 }, global: { plugins: [createAppI18n('ja')] } })
    expect(w.find('.flag-text').text()).toBe('層 2 (hidden) は入力で離れていた点のペアの 12.5% を併合しています (しきい値 5%)。')
    const none = mount(LayerFlags, { props: { flags: [], k: 10 }, global: { plugins: [createAppI18n('en')] } })
    expect(none.find('[data-testid="no-flags"]').text()).toBe('No layer crossed a threshold.')
  })
})
