// @vitest-environment happy-dom
// The training report panel: a partial report shows what it has (accuracy as a percentage, final
// regulariser values, robustness rows) and nothing else; an unknown shape or no report never crashes.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { RunManifest } from '@shared/run'
import { createAppI18n } from '@/i18n'
import { reportView } from '@/components/train/reportView'
import { createMockApi, manifestFixture } from '../helpers'
import { setApi } from '../api-double'

vi.mock('@/api', () => import('../api-double'))
const TrainingReport = (await import('@/components/train/TrainingReport.vue')).default
const { useRunsStore } = await import('@/stores/runs')

function mountWith(training: unknown, locale: 'en' | 'ja' = 'en'): VueWrapper {
  const pinia = createPinia()
  setActivePinia(pinia)
  const runs = useRunsStore()
  runs.manifest = { ...manifestFixture(), ...(training === undefined ? {} : { training }) } as RunManifest
  return mount(TrainingReport, { global: { plugins: [pinia, createAppI18n(locale)] } })
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

beforeEach(() => {
  setApi(createMockApi().api)
})

describe('TrainingReport', () => {
  it('shows the numbers a partial report has, and only those', () => {
    const w = mountWith({
      task: 'classify',
      heldOut: { count: 200, accuracy: 0.975 },
      final: { trainLoss: 0.0612, kinetic: 0.0123, jacobian: 0.5 },
      robustness: [{ method: 'rk4, half the step', maxDisplacement: 0.002, meanDisplacement: 0.0004, accuracyChange: -0.005 }, { bogus: true }],
      epochsRun: 7,
      stoppedEarly: true
    })
    expect(byId(w, 'train-report').exists()).toBe(true)
    expect(byId(w, 'train-report-accuracy').text()).toBe('97.5%')
    expect(byId(w, 'train-report-epochs').text()).toBe('7 (stopped early)')
    expect(byId(w, 'train-report-kinetic').text()).toBe('0.0123')
    expect(byId(w, 'train-report-jacobian').text()).toBe('0.5')
    expect(byId(w, 'train-report-loglik').exists()).toBe(false)
    expect(byId(w, 'train-report-closed-form').exists()).toBe(false)
    const rows = byId(w, 'train-report-robustness').findAll('tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].findAll('td').map((c) => c.text())).toEqual(['rk4, half the step', '0.002', '4.00e-4', '-0.5 pt'])
    expect(rows[1].findAll('td').map((c) => c.text())).toEqual(['?', '–', '–', '–'])
  })

  it('shows the closed-form comparison and log-likelihood when present', () => {
    const w = mountWith({
      heldOut: { logLikelihood: -2.8379 },
      closedForm: { description: 'x / (1 + t)', meanAbsError: 0.012, maxAbsError: 0.05, varianceLearned: [0.44], varianceClosedForm: 'oops' }
    })
    expect(byId(w, 'train-report-loglik').text()).toBe('-2.838 nats')
    const cf = byId(w, 'train-report-closed-form').text()
    expect(cf).toContain('0.012')
    expect(cf).toContain('0.44')
    expect(w.text()).toContain('x / (1 + t)')
  })

  it('never fails on an unknown shape, and hides itself without a report', () => {
    for (const odd of ['text', 42, [1, 2], { heldOut: 'x', final: [1], robustness: 'no', nfe: null }]) {
      const w = mountWith(odd)
      if (typeof odd === 'object' && !Array.isArray(odd)) expect(byId(w, 'train-report').exists()).toBe(true)
      else expect(byId(w, 'train-report').exists()).toBe(false)
      w.unmount()
    }
    expect(byId(mountWith(undefined), 'train-report').exists()).toBe(false)
  })

  it('reads Japanese labels', () => {
    const w = mountWith({ heldOut: { accuracy: 1 } }, 'ja')
    expect(w.text()).toContain('取り分けたデータの正解率')
    expect(byId(w, 'train-report-accuracy').text()).toBe('100%')
  })
})

describe('reportView', () => {
  it('drops non-numbers and keeps finite numbers', () => {
    const v = reportView({ final: { trainLoss: Number.NaN, validationLoss: null, weightNorm: 3 }, nfe: { training: 10, evaluation: 'x' }, parameterCount: 376 })
    expect(v).toEqual({ robustness: [], final: { weightNorm: 3 }, nfeTraining: 10, parameterCount: 376 })
    expect(reportView(null)).toBeNull()
  })
})
