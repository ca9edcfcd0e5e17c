// @vitest-environment happy-dom
// The wizard's cost panel: the h used and the NFE it costs (different for h = 0.005 and 0.01), and the
// warning near the continuous DAE's singular time (N(0, 1): t* = 0.5, warned past 0.45), in both languages.
import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createAppI18n } from '@/i18n'
import { createMockApi, flush } from '../helpers'
import { setApi } from '../api-double'

vi.mock('@/api', () => import('../api-double'))
const CostSummary = (await import('@/components/wizard/CostSummary.vue')).default
const { useExperimentStore } = await import('@/stores/experiment')
const tid = (id: string) => `[data-testid="${id}"]`

async function panel(lang: 'en' | 'ja', depth: number, stepSize: number) {
  setApi(createMockApi().api)
  const pinia = createPinia()
  setActivePinia(pinia)
  const draft = useExperimentStore()
  draft.selectPreset('normal-1d')
  draft.depth = depth
  draft.stepSize = stepSize
  const w = mount(CostSummary, { global: { plugins: [pinia, createAppI18n(lang)] } })
  await flush()
  return w
}

describe('cost panel: step size and NFE', () => {
  it('shows the h used, its T/h steps and the NFE, which doubles with half the h', async () => {
    const coarse = await panel('en', 0.4, 0.01)
    expect(coarse.find(tid('cost-step-size')).text()).toBe('0.01 (every step has exactly this size)')
    expect(coarse.find(tid('cost-steps')).text()).toBe('40')
    expect(coarse.find(tid('cost-nfe')).text()).toBe('161 per particle batch')
    const fine = await panel('en', 0.4, 0.005)
    expect(fine.find(tid('cost-nfe')).text()).toBe('320 per particle batch')
    expect(fine.find(tid('singular-warning')).exists()).toBe(false)
  })

  it('warns past 0.9 t* in English and Japanese', async () => {
    const en = await panel('en', 0.48, 0.01)
    expect(en.find(tid('singular-warning')).text()).toContain('depth 0.48 is 96% of the singular time t* = 0.5')
    const ja = await panel('ja', 0.48, 0.01)
    expect(ja.find(tid('singular-warning')).text()).toContain('特異時刻 t* = 0.5 の 96%')
  })
})
