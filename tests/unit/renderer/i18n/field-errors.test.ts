// @vitest-environment happy-dom
// Field errors in Japanese on screen: the FieldErrors list follows the UI language (and a switch of it),
// and the DAE and training wizards show the validator's reasons next to their fields in Japanese.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { parseSpec, type FieldError } from '@shared/experiment'
import { english } from '@shared/messages'
import { createAppI18n } from '@/i18n'
import FieldErrors from '@/components/FieldErrors.vue'
import { createMockApi, flush, SPEC_47 } from '../helpers'
import { setApi } from '../api-double'

vi.mock('uplot', () => import('../fake-uplot'))
vi.mock('@/api', () => import('../api-double'))
const DaeWizard = (await import('@/views/DaeWizard.vue')).default
const TrainWizard = (await import('@/views/TrainWizard.vue')).default

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

function errorsOf(spec: unknown): FieldError[] {
  const r = parseSpec(spec)
  return r.ok ? [] : r.errors
}

function mountIn(component: unknown, locale: 'en' | 'ja'): VueWrapper {
  const pinia = createPinia()
  setActivePinia(pinia)
  return mount(component as never, { global: { plugins: [pinia, createAppI18n(locale)], stubs: { ResultsWorkspace: true } }, attachTo: document.body })
}

beforeEach(() => {
  setApi(createMockApi().api)
  document.body.innerHTML = ''
})

describe('FieldErrors in Japanese', () => {
  it('shows our messages and zod built-ins in Japanese, and follows a language switch', async () => {
    const errors = [
      ...errorsOf({ ...SPEC_47, integration: { ...SPEC_47.integration, depth: 0.6 } }),
      ...errorsOf({
        ...SPEC_47,
        distribution: {
          kind: 'gmm',
          weights: [0.5, 0.8],
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
      }),
      ...errorsOf({ ...SPEC_47, flow: { kind: 'neural-ode', task: 'classify' } }),
      ...errorsOf({ ...SPEC_47, integration: { ...SPEC_47.integration, samples: 0 } }),
      ...errorsOf({ ...SPEC_47, flow: { kind: 'heat' } })
    ]
    expect(errors.length).toBe(5)
    const i18n = createAppI18n('ja')
    const w = mount(FieldErrors, { props: { errors, testid: 'errs' }, global: { plugins: [i18n] } })
    const items = (): string[] => w.findAll('li').map((li) => li.text())
    expect(items()).toEqual([
      '深さ 0.6 は連続 DAE の特異時刻 t* = 0.500000（最小固有値 / 2）以上です',
      '重みの合計を 1 にしてください（現在の合計は 1.3 です）',
      '分類の流れにはラベル付きデータが必要です（例: {"kind": "builtin", "name": "moons"}）',
      '2 以上にしてください。',
      '次のいずれかを選んでください: trained-dae, trained-composed-dae, neural-ode, continuous-dae, shallow-dae, composed-dae, empirical-dae。'
    ])
    i18n.global.locale.value = 'en'
    await flush()
    expect(items()).toEqual([
      english(errors[0].message),
      english(errors[1].message),
      english(errors[2].message),
      'Must be at least 2.',
      expect.stringMatching(/^Choose one of: trained-dae, /)
    ])
  })
})

describe('wizards in Japanese', () => {
  it('DAE wizard: the reason next to each field as the user types', async () => {
    const w = mountIn(DaeWizard, 'ja')
    for (let i = 0; i < 3; i++) {
      await byId(w, 'wizard-next').trigger('submit')
      await flush()
    }
    await byId(w, 'int-depth').setValue('0.6')
    expect(byId(w, 'int-depth-error').text()).toBe('深さ 0.6 は連続 DAE の特異時刻 t* = 0.500000（最小固有値 / 2）以上です')
    await byId(w, 'int-depth').setValue('0.001')
    expect(byId(w, 'int-step-error').text()).toBe('ステップ幅は深さ以下にしてください')
    await byId(w, 'int-depth').setValue('0.3')
    expect(byId(w, 'int-step-error').exists()).toBe(false)
  })

  it('DAE wizard: custom mixture weights and covariance', async () => {
    const w = mountIn(DaeWizard, 'ja')
    await byId(w, 'dist-custom').find('input').setValue(true)
    await byId(w, 'mix-weight-0').setValue('0.5')
    expect(byId(w, 'mix-weights-error').text()).toBe('重みの合計を 1 にしてください（現在の合計は 1.3 です）')
    await byId(w, 'mix-cov-1-0-1').setValue('5')
    expect(byId(w, 'mix-cov-1-error').text()).toMatch(/^共分散が正定値ではありません（最小固有値 -\d\.\d{3}）$/)
  })

  it('training wizard: a depth that is no whole number of steps', async () => {
    const w = mountIn(TrainWizard, 'ja')
    for (let i = 0; i < 2; i++) {
      await byId(w, 'train-next').trigger('submit')
      await flush()
    }
    await byId(w, 'train-step').setValue('0.3')
    const text = byId(w, 'train-step-error').text()
    expect(text).toMatch(JAPANESE)
    expect(text).toBe('学習の深さ 1 はステップ幅 0.3 の整数倍にしてください')
  })
})
