// @vitest-environment happy-dom
// The DAE wizard: field errors from parseSpec next to their fields, Next blocked by errors, Back keeps
// input, the cost and t* before Run, and Run sending the built spec to runs.start.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createAppI18n } from '@/i18n'
import { createMockApi, flush, SPEC_47 } from '../helpers'
import { setApi } from '../api-double'

vi.mock('@/api', () => import('../api-double'))
const DaeWizard = (await import('@/views/DaeWizard.vue')).default

let m: ReturnType<typeof createMockApi>

function mountWizard(locale: 'en' | 'ja' = 'en'): VueWrapper {
  const pinia = createPinia()
  setActivePinia(pinia)
  return mount(DaeWizard, { global: { plugins: [pinia, createAppI18n(locale)] }, attachTo: document.body })
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

async function next(w: VueWrapper): Promise<void> {
  await byId(w, 'wizard-next').trigger('submit')
  await flush()
}

beforeEach(() => {
  m = createMockApi()
  setApi(m.api)
  document.body.innerHTML = ''
})

describe('DAE wizard', () => {
  it('walks the four steps with (47) preselected and runs the built spec', async () => {
    const w = mountWizard()
    expect((byId(w, 'preset-paper-47').find('input').element as HTMLInputElement).checked).toBe(true)
    await next(w)
    expect(byId(w, 'step-flow').exists()).toBe(true)
    await next(w)
    expect(byId(w, 'step-particles').exists()).toBe(true)
    await next(w)
    expect(byId(w, 'step-integration').exists()).toBe(true)
    expect(byId(w, 'singular-time').text()).toContain('t* = 0.5000')
    expect(byId(w, 'cost-particle-steps').text()).toBe('180,000')
    expect(byId(w, 'cost-memory').text()).toBe('719 KiB')
    await byId(w, 'run-button').trigger('click')
    await flush()
    expect(m.api['runs.start']).toHaveBeenCalledTimes(1)
    // the default name carries the solver and h (re-runs are numbered: see runName tests)
    expect(m.api['runs.start'].mock.calls[0]).toEqual([{ spec: { ...SPEC_47, name: 'paper-47 continuous-dae, rk4 h=0.005' } }])
  })

  it('shows each error next to its field as the user types, and blocks Run', async () => {
    const w = mountWizard()
    for (let i = 0; i < 3; i++) await next(w)
    const depth = byId(w, 'int-depth')
    await depth.setValue('0.6')
    expect(byId(w, 'int-depth-error').text()).toBe('depth 0.6 is at or past the singular time t* = 0.500000 of the continuous DAE (min eigenvalue / 2)')
    expect(depth.attributes('aria-invalid')).toBe('true')
    expect(depth.attributes('aria-describedby')).toContain('int-depth-err')
    expect(byId(w, 'run-button').attributes('disabled')).toBeDefined()
    expect(byId(w, 'cost-invalid').exists()).toBe(true)
    await depth.setValue('-1')
    expect(byId(w, 'int-depth-error').text()).toBe('Must be greater than 0.')
    // the step-size rule names the other field
    expect(byId(w, 'int-step-error').text()).toBe('step size must not exceed the depth')
    await depth.setValue('')
    expect(byId(w, 'int-depth-error').text()).toBe('Enter a number.')
    await byId(w, 'int-samples').setValue('2.5')
    expect(byId(w, 'int-samples-error').text()).toBe('Enter a whole number.')
    await depth.setValue('0.3')
    await byId(w, 'int-samples').setValue('31')
    expect(byId(w, 'int-depth-error').exists()).toBe(false)
    expect(byId(w, 'run-button').attributes('disabled')).toBeUndefined()
  })

  it('blocks Next while the current step has errors (custom mixture weights)', async () => {
    const w = mountWizard()
    await byId(w, 'dist-custom').find('input').setValue(true)
    expect(byId(w, 'mixture-editor').exists()).toBe(true)
    expect((byId(w, 'mix-weight-0').element as HTMLInputElement).value).toBe('0.2')
    await byId(w, 'mix-weight-0').setValue('0.5')
    expect(byId(w, 'mix-weights-error').text()).toBe('weights must sum to 1 (they sum to 1.3)')
    expect(byId(w, 'wizard-next').attributes('disabled')).toBeDefined()
    await byId(w, 'mix-cov-1-0-1').setValue('5')
    expect(byId(w, 'mix-cov-1-error').text()).toMatch(/^covariance is not positive definite/)
    await byId(w, 'mix-weight-0').setValue('0.2')
    await byId(w, 'mix-cov-1-0-1').setValue('0.5')
    expect((byId(w, 'mix-cov-1-1-0').element as HTMLInputElement).value).toBe('0.5')
    expect(byId(w, 'wizard-next').attributes('disabled')).toBeUndefined()
  })

  it('keeps every input when going Back and forth', async () => {
    const w = mountWizard()
    await byId(w, 'preset-paper-45').find('input').setValue(true)
    await next(w)
    await byId(w, 'flow-composed-dae').find('input').setValue(true)
    await byId(w, 'flow-layers').setValue('7')
    await next(w)
    await byId(w, 'particles-count').setValue('500')
    await byId(w, 'wizard-back').trigger('click')
    await flush()
    expect((byId(w, 'flow-layers').element as HTMLInputElement).value).toBe('7')
    await byId(w, 'wizard-back').trigger('click')
    await flush()
    expect((byId(w, 'preset-paper-45').find('input').element as HTMLInputElement).checked).toBe(true)
    await next(w)
    await next(w)
    expect((byId(w, 'particles-count').element as HTMLInputElement).value).toBe('500')
    await next(w)
    await byId(w, 'run-button').trigger('click')
    await flush()
    const sent = m.api['runs.start'].mock.calls[0][0] as { spec: Record<string, unknown> }
    expect(sent.spec.distribution).toEqual({ kind: 'preset', name: 'paper-45' })
    expect(sent.spec.flow).toEqual({ kind: 'composed-dae', layers: 7 })
    expect(sent.spec.particles).toEqual({ kind: 'sample', count: 500 })
  })

  it('folds tolerances under advanced and sends them only for dopri5', async () => {
    const w = mountWizard()
    for (let i = 0; i < 3; i++) await next(w)
    expect(byId(w, 'int-rtol').attributes('disabled')).toBeDefined()
    await byId(w, 'int-solver').setValue('dopri5')
    expect(byId(w, 'int-step').exists()).toBe(false)
    await byId(w, 'int-rtol').setValue('2')
    expect(byId(w, 'int-rtol-error').text()).toBe('Must be at most 1.')
    expect(byId(w, 'int-advanced').attributes('open')).toBeDefined()
    await byId(w, 'int-rtol').setValue('0.0001')
    await byId(w, 'run-button').trigger('click')
    await flush()
    const sent = m.api['runs.start'].mock.calls[0][0] as { spec: { integration: unknown } }
    expect(sent.spec.integration).toEqual({ solver: 'dopri5', depth: 0.45, samples: 46, rtol: 0.0001, atol: 1e-7 })
  })

  it('points back to an earlier step that a later edit made invalid', async () => {
    const w = mountWizard()
    await byId(w, 'preset-swiss-roll-2d').find('input').setValue(true)
    await next(w)
    expect((byId(w, 'flow-empirical-dae').find('input').element as HTMLInputElement).checked).toBe(true)
    expect((byId(w, 'flow-continuous-dae').find('input').element as HTMLInputElement).disabled).toBe(true)
    await next(w)
    await byId(w, 'particles-count').setValue('500') // below the reference size of 1000
    await next(w)
    expect(byId(w, 'step-integration').exists()).toBe(true)
    expect(byId(w, 'other-step-errors').text()).toContain('2 Flow')
    expect(byId(w, 'run-button').attributes('disabled')).toBeDefined()
    await byId(w, 'other-step-errors').find('button').trigger('click')
    await flush()
    expect(byId(w, 'flow-reference-size-error').text()).toBe('reference size 1000 exceeds the 500 particles it is drawn from')
    await byId(w, 'flow-reference-size').setValue('400')
    await next(w)
    await next(w)
    expect(byId(w, 'other-step-errors').exists()).toBe(false)
    expect(byId(w, 'run-button').attributes('disabled')).toBeUndefined()
  })

  it('speaks Japanese, including the validator errors', async () => {
    const w = mountWizard('ja')
    expect(w.find('#wizard-title').text()).toBe('DAE による輸送')
    for (let i = 0; i < 3; i++) await next(w)
    await byId(w, 'int-depth').setValue('0.6')
    expect(byId(w, 'int-depth-error').text()).toBe('深さ 0.6 は連続 DAE の特異時刻 t* = 0.500000（最小固有値 / 2）以上です')
  })
})
