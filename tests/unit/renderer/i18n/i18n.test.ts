// @vitest-environment happy-dom
// Both languages carry every string; the locale follows navigator.language unless the user chose;
// the validator's field errors are Messages worded in the UI language at display time (the re-wording on a
// language switch is in field-errors.test.ts).
import { describe, expect, it } from 'vitest'
import { messages } from '@/i18n/messages'
import { createAppI18n, pickLocale } from '@/i18n'
import { mount } from '@vue/test-utils'
import FieldErrors from '@/components/FieldErrors.vue'
import { parseSpec, type FieldError } from '@shared/experiment'
import { english, renderMessage } from '@shared/messages'
import { SPEC_47 } from '../helpers'

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

const { en, ja } = messages

describe('messages', () => {
  it('has the same keys in English and Japanese, none empty', () => {
    expect(keys(ja).sort()).toEqual(keys(en).sort())
    const leaves = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'object' ? leaves(v) : [v as string]))
    expect(leaves(ja).every((s) => s.trim().length > 0)).toBe(true)
  })
})

describe('pickLocale', () => {
  it('prefers the saved choice, then the first known browser language', () => {
    expect(pickLocale(['ja-JP', 'en-US'])).toBe('ja')
    expect(pickLocale(['fr-FR', 'en-GB', 'ja'])).toBe('en')
    expect(pickLocale(['fr-FR'])).toBe('en')
    expect(pickLocale(['en-US'], 'ja')).toBe('ja')
    expect(pickLocale(['ja'], 'xx')).toBe('ja')
  })
})

describe('field errors', () => {
  const variants: unknown[] = [
    { ...SPEC_47, integration: { ...SPEC_47.integration, depth: null } },
    { ...SPEC_47, integration: { ...SPEC_47.integration, depth: -1 } },
    { ...SPEC_47, integration: { ...SPEC_47.integration, depth: 0.6 } },
    { ...SPEC_47, integration: { ...SPEC_47.integration, samples: 1.5 } },
    { ...SPEC_47, integration: { ...SPEC_47.integration, samples: 5000 } },
    { ...SPEC_47, integration: { ...SPEC_47.integration, samples: 1 } },
    { ...SPEC_47, integration: { ...SPEC_47.integration, stepSize: 1e-7 } },
    { ...SPEC_47, integration: { ...SPEC_47.integration, solver: 'midpoint' } },
    { ...SPEC_47, particles: { kind: 'grid', counts: 2000 } },
    { ...SPEC_47, name: '' },
    { ...SPEC_47, version: 2 },
    { ...SPEC_47, colour: 'red' },
    { ...SPEC_47, distribution: { kind: 'gmm', weights: [], means: [], covariances: [] } },
    {
      ...SPEC_47,
      distribution: {
        kind: 'gmm',
        weights: [0.5, 0.6],
        means: [
          [0, 0],
          [1, 0]
        ],
        covariances: [
          [
            [1, 0],
            [0, 1]
          ],
          [
            [1, 0],
            [0, 1]
          ]
        ]
      }
    },
    {
      ...SPEC_47,
      distribution: {
        kind: 'gmm',
        weights: [1],
        means: [[0, 0]],
        covariances: [
          [
            [1, 2],
            [2, 1]
          ]
        ]
      }
    },
    {
      ...SPEC_47,
      distribution: {
        kind: 'gmm',
        weights: [1],
        means: [[0, 0]],
        covariances: [
          [
            [1, 0.5],
            [0, 1]
          ]
        ]
      }
    },
    { ...SPEC_47, distribution: { kind: 'preset', name: 'swiss-roll-2d' } },
    { ...SPEC_47, distribution: { kind: 'preset', name: 'paper-99' } },
    { ...SPEC_47, flow: { kind: 'empirical-dae', bandwidth: 0.05, referenceSize: 5000 } }
  ]
  const fieldErrors = variants.flatMap((v) => {
    const r = parseSpec(v)
    return r.ok ? [] : r.errors
  })
  const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/
  /** the field errors as FieldErrors.vue shows them, in `locale` */
  const shown = (locale: 'en' | 'ja', errors: FieldError[] = fieldErrors) =>
    mount(FieldErrors, { props: { errors }, global: { plugins: [createAppI18n(locale)] } })

  it('shows every field error the wizard can provoke in Japanese, worded from its Message', () => {
    expect(fieldErrors.length).toBeGreaterThanOrEqual(variants.length)
    const items = shown('ja').findAll('li')
    expect(items).toHaveLength(fieldErrors.length)
    items.forEach((li, i) => {
      const m = fieldErrors[i].message
      expect(li.text(), m.key).toBe(renderMessage(m, 'ja'))
      expect(li.text(), m.key).not.toBe(english(m))
      expect(li.text(), m.key).toMatch(JAPANESE)
      expect(li.attributes('data-field')).toBe(fieldErrors[i].field)
    })
  })

  it("shows them in English as the catalogue words them, never zod's English", () => {
    const items = shown('en').findAll('li')
    items.forEach((li, i) => {
      expect(li.text()).toBe(english(fieldErrors[i].message))
      expect(li.text()).not.toMatch(/^(Invalid|Too (small|big)|Unrecognized)/)
    })
  })
})

describe('counts', () => {
  it('say one flag, and a whole list once ("6 entries", not "6 of 6 entries")', () => {
    const { t } = createAppI18n('en').global
    expect(t('anagui.layersFlags', { layers: 5, flags: 1 }, 1)).toBe('5 layers, 1 flag')
    expect(t('anagui.layersFlags', { layers: 5, flags: 0 }, 0)).toBe('5 layers, 0 flags')
    expect(t('analyze.picker.meta', { layers: 6, points: 30, flags: 1 }, 1)).toBe('6 layers · 30 points · 1 flag')
    expect(t('anagui.countBothAll', { total: 1 }, 1)).toBe('1 entry')
    expect(t('runList.countAll', { total: 4 }, 4)).toBe('4 runs')
  })
})
