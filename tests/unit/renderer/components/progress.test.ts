// @vitest-environment happy-dom
// Run progress in the UI: fraction and current depth while running, Cancel through jobs.cancel, the
// cancellation said as such, and a failure in plain words with a working Retry.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createAppI18n } from '@/i18n'
import { createMockApi, flush, SPEC_47 } from '../helpers'
import { setApi } from '../api-double'
import { message } from '@shared/messages'

vi.mock('@/api', () => import('../api-double'))
const RunProgress = (await import('@/components/results/RunProgress.vue')).default
const { useJobsStore } = await import('@/stores/jobs')

let m: ReturnType<typeof createMockApi>

function setup() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const w = mount(RunProgress, { global: { plugins: [pinia, createAppI18n('en')] } })
  return { w, jobs: useJobsStore() }
}
const tid = (id: string) => `[data-testid="${id}"]`

beforeEach(() => {
  m = createMockApi()
  setApi(m.api)
})

describe('RunProgress', () => {
  it('shows nothing before a run', () => {
    const { w } = setup()
    expect(w.find(tid('progress-bar')).exists()).toBe(false)
    expect(w.find(tid('cancel-button')).exists()).toBe(false)
  })

  it('shows fraction and depth, cancels, and reports the cancellation', async () => {
    const { w, jobs } = setup()
    await jobs.start(SPEC_47)
    m.emit({ jobId: 'job-1', type: 'progress', fraction: 0.42, depth: 0.189 })
    await flush()
    expect((w.find(tid('progress-bar')).element as HTMLProgressElement).getAttribute('value')).toBe('0.42')
    expect(w.text()).toContain('Running: 42%')
    expect(w.find(tid('progress-depth')).text()).toBe('depth 0.189')
    await w.find(tid('cancel-button')).trigger('click')
    await flush()
    expect(m.api['jobs.cancel']).toHaveBeenCalledWith({ jobId: 'job-1' })
    expect(w.find(tid('cancel-button')).text()).toBe('Cancelling…')
    expect(w.find(tid('cancel-button')).attributes('disabled')).toBeDefined()
    m.emit({ jobId: 'job-1', type: 'cancelled' })
    await flush()
    expect(w.find(tid('run-cancelled')).text()).toContain('The run was cancelled. Nothing was saved.')
    expect(w.find(tid('progress-bar')).exists()).toBe(false)
  })

  it('explains a failure in plain words and retries', async () => {
    const { w, jobs } = setup()
    await jobs.start(SPEC_47)
    m.emit({
      jobId: 'job-1',
      type: 'failed',
      error: { code: 'blow-up', message: message('engine.blowUp', { depth: 0.31, detail: message('engine.positionsNonFinite') }) }
    })
    await flush()
    const err = w.find(tid('run-error'))
    expect(err.attributes('role')).toBe('alert')
    expect(err.text()).toContain('The integration blew up')
    expect(w.find(tid('run-error-message')).text()).toBe('integration blew up at depth 0.31: positions became NaN or infinite')
    m.api['runs.start'].mockResolvedValueOnce({ ok: true, value: { jobId: 'job-2' } })
    await w.find(tid('retry-button')).trigger('click')
    await flush()
    expect(m.api['runs.start']).toHaveBeenCalledTimes(2)
    expect(w.find(tid('run-error')).exists()).toBe(false)
    expect(w.find(tid('progress-bar')).exists()).toBe(true)
  })

  it('lists the fields of a refused spec', async () => {
    m.api['runs.start'].mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'invalid-spec',
        message: message('engine.invalidSpec', { errors: 'integration.depth' }),
        fields: [{ field: 'integration.depth', message: message('spec.stepExceedsDepth') }]
      }
    } as never)
    const { w, jobs } = setup()
    await jobs.start(SPEC_47)
    await flush()
    expect(w.find(tid('run-error')).text()).toContain('The engine refused these settings.')
    expect(w.find(tid('run-error')).text()).toContain('step size must not exceed the depth')
  })
})
