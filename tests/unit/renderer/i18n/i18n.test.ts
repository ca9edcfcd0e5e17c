// Both languages carry every string; the locale follows navigator.language unless the user chose;
// the validator's real messages are reworded into existing keys in both languages.
import { describe, expect, it } from 'vitest'
import { messages } from '@/i18n/messages'
import { createAppI18n, pickLocale } from '@/i18n'
import { describeFieldError } from '@/i18n/fieldErrors'
import { parseSpec } from '@shared/experiment'
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

describe('describeFieldError', () => {
  const variants: unknown[] = [
    { ...SPEC_47, integration: { ...SPEC_47.integration, depth: null } },
    { ...SPEC_47, integration: { ...SPEC_47.integration, depth: -1 } },
    { ...SPEC_47, integration: { ...SPEC_47.integration, depth: 0.6 } },
    { ...SPEC_47, integration: { ...SPEC_47.integration, samples: 1.5 } },
    { ...SPEC_47, integration: { ...SPEC_47.integration, samples: 5000 } },
    { ...SPEC_47, integration: { ...SPEC_47.integration, samples: 1 } },
    { ...SPEC_47, integration: { ...SPEC_47.integration, stepSize: 1e-7 } },
    { ...SPEC_47, particles: { kind: 'grid', counts: 2000 } },
    { ...SPEC_47, name: '' },
    { ...SPEC_47, distribution: { kind: 'gmm', weights: [0.5, 0.6], means: [[0, 0], [1, 0]], covariances: [[[1, 0], [0, 1]], [[1, 0], [0, 1]]] } },
    { ...SPEC_47, distribution: { kind: 'gmm', weights: [1], means: [[0, 0]], covariances: [[[1, 2], [2, 1]]] } },
    { ...SPEC_47, distribution: { kind: 'gmm', weights: [1], means: [[0, 0]], covariances: [[[1, 0.5], [0, 1]]] } },
    { ...SPEC_47, distribution: { kind: 'preset', name: 'swiss-roll-2d' } },
    { ...SPEC_47, flow: { kind: 'empirical-dae', bandwidth: 0.05, referenceSize: 5000 } }
  ]
  const messages = variants.flatMap((v) => {
    const r = parseSpec(v)
    return r.ok ? [] : r.errors.map((e) => e.message)
  })

  it('rewords every message the wizard can provoke, in both languages', () => {
    expect(messages.length).toBeGreaterThanOrEqual(variants.length)
    for (const locale of ['en', 'ja'] as const) {
      const { t } = createAppI18n(locale).global
      for (const msg of messages) {
        const out = describeFieldError(msg, t)
        expect(out, msg).not.toBe(msg)
        expect(out, msg).not.toMatch(/^validation\./) // a key that does not exist would come back verbatim
      }
    }
  })

  it('keeps the numbers of the original message', () => {
    const { t } = createAppI18n('en').global
    expect(describeFieldError('weights must sum to 1 (they sum to 1.1)', t)).toBe('The weights must add up to 1 (they add up to 1.100).')
    expect(describeFieldError('Too big: expected number to be <=1000', t)).toBe('Must be at most 1000.')
    expect(describeFieldError('something new', t)).toBe('something new')
  })
})
