// Both languages carry every string; the locale follows navigator.language unless the user chose;
// the validator's field errors come out in the UI language (zod's built-ins reworded, ours from the catalogue).
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
    { ...SPEC_47, integration: { ...SPEC_47.integration, solver: 'midpoint' } },
    { ...SPEC_47, particles: { kind: 'grid', counts: 2000 } },
    { ...SPEC_47, name: '' },
    { ...SPEC_47, version: 2 },
    { ...SPEC_47, colour: 'red' },
    { ...SPEC_47, distribution: { kind: 'gmm', weights: [], means: [], covariances: [] } },
    { ...SPEC_47, distribution: { kind: 'gmm', weights: [0.5, 0.6], means: [[0, 0], [1, 0]], covariances: [[[1, 0], [0, 1]], [[1, 0], [0, 1]]] } },
    { ...SPEC_47, distribution: { kind: 'gmm', weights: [1], means: [[0, 0]], covariances: [[[1, 2], [2, 1]]] } },
    { ...SPEC_47, distribution: { kind: 'gmm', weights: [1], means: [[0, 0]], covariances: [[[1, 0.5], [0, 1]]] } },
    { ...SPEC_47, distribution: { kind: 'preset', name: 'swiss-roll-2d' } },
    { ...SPEC_47, distribution: { kind: 'preset', name: 'paper-99' } },
    { ...SPEC_47, flow: { kind: 'empirical-dae', bandwidth: 0.05, referenceSize: 5000 } }
  ]
  const messages = variants.flatMap((v) => {
    const r = parseSpec(v)
    return r.ok ? [] : r.errors.map((e) => e.message)
  })
  const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/

  it('gives every message the wizard can provoke in Japanese', () => {
    expect(messages.length).toBeGreaterThanOrEqual(variants.length)
    const { t } = createAppI18n('ja').global
    for (const msg of messages) {
      const out = describeFieldError(msg, t, 'ja')
      expect(out, msg).not.toBe(msg)
      expect(out, msg).toMatch(JAPANESE)
      expect(out, msg).not.toMatch(/validation\./) // a key that does not exist would come back verbatim
    }
  })

  it('rewords zod\'s built-in messages in English and leaves ours as the engine wrote them', () => {
    const { t } = createAppI18n('en').global
    for (const msg of messages) {
      const out = describeFieldError(msg, t, 'en')
      expect(out, msg).not.toMatch(/validation\./)
      // zod's own messages start with a capital; ours are the catalogue's English, shown as written
      if (/^(Invalid|Too|Unrecognized)/.test(msg)) expect(out, msg).not.toBe(msg)
      else expect(out, msg).toBe(msg)
    }
  })

  it('keeps the numbers and names of the original message', () => {
    const en = createAppI18n('en').global.t
    const ja = createAppI18n('ja').global.t
    expect(describeFieldError('Too big: expected number to be <=1000', en, 'en')).toBe('Must be at most 1000.')
    expect(describeFieldError('Too big: expected number to be <=1000', ja, 'ja')).toBe('1000 以下にしてください。')
    expect(describeFieldError('Invalid option: expected one of "classify"|"density"|"transport"', en, 'en')).toBe('Choose one of: classify, density, transport.')
    expect(describeFieldError("Invalid discriminator value. Expected 'euler' | 'heun'", ja, 'ja')).toBe('次のいずれかを選んでください: euler, heun。')
    expect(describeFieldError('Unrecognized keys: "a", "b"', en, 'en')).toBe('Unknown setting: a, b.')
    expect(describeFieldError('Invalid input: expected 1', en, 'en')).toBe('Must be 1.')
    expect(describeFieldError('Too small: expected array to have >=1 items', ja, 'ja')).toBe('1 個以上指定してください。')
    expect(describeFieldError('weights must sum to 1 (they sum to 1.1)', en, 'en')).toBe('weights must sum to 1 (they sum to 1.1)')
    expect(describeFieldError('weights must sum to 1 (they sum to 1.1)', ja, 'ja')).toBe('重みの合計を 1 にしてください（現在の合計は 1.1 です）')
    expect(describeFieldError('something new', ja, 'ja')).toBe('something new')
  })
})
