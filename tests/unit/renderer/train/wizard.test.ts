// @vitest-environment happy-dom
// The training wizard: the Fast preview preset on moons walked to Train (the spec sent passes parseSpec),
// the Accurate preset, each error next to its field as the user types, Back keeping input, the cost,
// the spec JSON and loading a spec file, and the live chart fed by progress events with Cancel.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { parseSpec } from '@shared/experiment'
import { message } from '@shared/messages'
import type { TrainingProgress } from '@shared/job-progress'
import { createAppI18n } from '@/i18n'
import { createMockApi, flush } from '../helpers'
import { setApi } from '../api-double'

vi.mock('uplot', () => import('../fake-uplot'))
vi.mock('@/api', () => import('../api-double'))
const TrainWizard = (await import('@/views/TrainWizard.vue')).default
const RunProgress = (await import('@/components/results/RunProgress.vue')).default
/** the results workspace without its 3-D view: the progress bar and the live slot beside it */
const ResultsStub = { components: { RunProgress }, template: '<section><RunProgress /><slot name="live" /></section>' }

let m: ReturnType<typeof createMockApi>

function mountWizard(locale: 'en' | 'ja' = 'en'): VueWrapper {
  const pinia = createPinia()
  setActivePinia(pinia)
  return mount(TrainWizard, { global: { plugins: [pinia, createAppI18n(locale)], stubs: { ResultsWorkspace: ResultsStub } }, attachTo: document.body })
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)
const value = (w: VueWrapper, id: string): string => (byId(w, id).element as HTMLInputElement).value

async function next(w: VueWrapper): Promise<void> {
  await byId(w, 'train-next').trigger('submit')
  await flush()
}

beforeEach(() => {
  m = createMockApi()
  setApi(m.api)
  document.body.innerHTML = ''
})

describe('training wizard', () => {
  it('runs the Fast preview on moons: five steps, the cost, and a valid spec sent', async () => {
    const w = mountWizard()
    expect((byId(w, 'train-preset-fast').find('input').element as HTMLInputElement).checked).toBe(true)
    expect((byId(w, 'train-task-classify').find('input').element as HTMLInputElement).checked).toBe(true)
    expect(value(w, 'train-dataset')).toBe('moons')
    await next(w)
    expect(value(w, 'train-width')).toBe('16')
    await next(w)
    expect(byId(w, 'train-layers').text()).toBe('T / h = 4 layers')
    await next(w)
    expect(byId(w, 'train-step-regularisation').exists()).toBe(true)
    await next(w)
    // training settings are folded under Advanced
    expect(byId(w, 'train-advanced').attributes('open')).toBeUndefined()
    expect(byId(w, 'train-cost-parameters').text()).toBe('376')
    expect(byId(w, 'train-cost-evaluations').text()).toBe('512')
    expect(byId(w, 'train-spec-json').text()).toContain('"name": "moons"')
    await byId(w, 'train-run').trigger('click')
    await flush()
    expect(m.api['runs.start']).toHaveBeenCalledTimes(1)
    const sent = (m.api['runs.start'].mock.calls[0][0] as { spec: unknown }).spec
    const r = parseSpec(sent)
    expect(r.ok).toBe(true)
    if (r.ok && r.spec.flow.kind === 'neural-ode') {
      expect(r.spec.flow.data).toEqual({ kind: 'builtin', name: 'moons' })
      expect(r.spec.flow.training).toMatchObject({ epochs: 8, solver: 'rk4', depth: 1, stepSize: 0.25 })
      expect(r.spec.particles).toEqual({ kind: 'sample', count: 500 })
    }
  })

  it('offers the adjoint method for classification and density, and sends it with the spec', async () => {
    const w = mountWizard()
    for (let i = 0; i < 4; i++) await next(w)
    const select = byId(w, 'train-gradient')
    expect(select.exists()).toBe(true)
    expect(value(w, 'train-gradient')).toBe('backprop')
    expect(byId(w, 'train-spec-json').text()).not.toContain('"gradient"')
    await select.setValue('adjoint')
    expect(byId(w, 'train-spec-json').text()).toContain('"gradient": "adjoint"')
    await byId(w, 'train-run').trigger('click')
    await flush()
    const r = parseSpec((m.api['runs.start'].mock.calls[0][0] as { spec: unknown }).spec)
    expect(r.ok && r.spec.flow.kind === 'neural-ode' && r.spec.flow.training.gradient).toBe('adjoint')
  })

  it('does not offer the adjoint method for transport (its loss is one evaluation per stage)', async () => {
    const w = mountWizard()
    await byId(w, 'train-task-transport').find('input').setValue(true)
    for (let i = 0; i < 4; i++) await next(w)
    expect(byId(w, 'train-step-training').exists()).toBe(true)
    expect(byId(w, 'train-gradient').exists()).toBe(false)
  })

  it('the Accurate preset sets a wider network, finer steps and dopri5 to evaluate', async () => {
    const w = mountWizard()
    await byId(w, 'train-preset-accurate').find('input').setValue(true)
    expect(value(w, 'train-points')).toBe('2000')
    await next(w)
    expect(value(w, 'train-width')).toBe('64')
    await next(w)
    expect(byId(w, 'train-layers').text()).toBe('T / h = 10 layers')
    expect(value(w, 'train-eval-solver')).toBe('dopri5')
    expect(byId(w, 'train-eval-step').exists()).toBe(false)
  })

  it('shows each error next to its field as the user types, and blocks Next', async () => {
    const w = mountWizard()
    await next(w)
    await byId(w, 'train-width').setValue('0')
    expect(byId(w, 'train-width-error').text()).toBe('Must be at least 1.')
    expect(byId(w, 'train-width').attributes('aria-invalid')).toBe('true')
    expect(byId(w, 'train-next').attributes('disabled')).toBeDefined()
    await byId(w, 'train-width').setValue('')
    expect(byId(w, 'train-width-error').text()).toBe('Enter a number.')
    await byId(w, 'train-width').setValue('8')
    expect(byId(w, 'train-width-error').exists()).toBe(false)
    await next(w)
    await byId(w, 'train-step').setValue('0.3')
    expect(byId(w, 'train-layers').text()).toBe('T / h is not a whole number of layers.')
    expect(byId(w, 'train-step-error').text()).toContain('whole number of steps')
    await byId(w, 'train-step').setValue('0.2')
    expect(byId(w, 'train-layers').text()).toBe('T / h = 5 layers')
    await next(w)
    // classification takes the Jacobian term; a negative weight is refused next to its field
    await byId(w, 'train-jacobian').setValue('0.5')
    expect(byId(w, 'train-jacobian-error').exists()).toBe(false)
    await byId(w, 'train-kinetic').setValue('-1')
    expect(byId(w, 'train-kinetic-error').text()).toBe('Must be at least 0.')
    expect(byId(w, 'train-jacobian-error').exists()).toBe(false)
    expect(byId(w, 'train-next').attributes('disabled')).toBeDefined()
  })

  it('refuses the Jacobian term of a DAE next to its field, on the regularisation step', async () => {
    const w = mountWizard()
    await byId(w, 'train-task-trained-dae').find('input').setValue(true)
    for (let i = 0; i < 3; i++) await next(w)
    await byId(w, 'train-jacobian').setValue('0.5')
    expect(byId(w, 'train-jacobian-error').text()).toContain('classification and density flows')
    expect(byId(w, 'train-tab-regularisation').attributes('aria-current')).toBe('step')
    expect(byId(w, 'train-next').attributes('disabled')).toBeDefined()
  })

  it("switching task brings that task's data and depth scale; an invalid count shows at its field", async () => {
    const w = mountWizard()
    await byId(w, 'train-task-density').find('input').setValue(true)
    expect(value(w, 'train-distribution')).toBe('paper-45')
    expect(byId(w, 'train-dataset').exists()).toBe(false)
    await byId(w, 'train-task-transport').find('input').setValue(true)
    expect(value(w, 'train-distribution')).toBe('paper-44')
    await byId(w, 'train-points').setValue('0')
    expect(byId(w, 'train-points-error').text()).toBe('Must be at least 1.')
    expect(byId(w, 'train-next').attributes('disabled')).toBeDefined()
    await byId(w, 'train-points').setValue('100')
    await next(w)
    await next(w)
    // the CDAE schedule of paper-44 runs to 0.25 in steps of 0.05
    expect(byId(w, 'train-layers').text()).toBe('T / h = 5 layers')
  })

  it('keeps every input when going Back and forth, and opens Advanced on an error inside it', async () => {
    const w = mountWizard()
    await byId(w, 'train-task-trained-composed-dae').find('input').setValue(true)
    await byId(w, 'train-dae-layers').setValue('6')
    await next(w)
    await byId(w, 'train-width').setValue('12')
    await next(w)
    expect(byId(w, 'train-dae-depth').text()).toBe("A DAE's depth is its noise t = 0.25, reached in 6 layers.")
    await byId(w, 'train-back').trigger('click')
    await flush()
    expect(value(w, 'train-width')).toBe('12')
    await byId(w, 'train-back').trigger('click')
    await flush()
    expect(value(w, 'train-dae-layers')).toBe('6')
    for (let i = 0; i < 4; i++) await next(w)
    await byId(w, 'train-epochs').setValue('0')
    expect(byId(w, 'train-advanced').attributes('open')).toBeDefined()
    expect(byId(w, 'train-epochs-error').text()).toBe('Must be at least 1.')
    expect(byId(w, 'train-run').attributes('disabled')).toBeDefined()
    expect(byId(w, 'train-cost-invalid').exists()).toBe(true)
    await byId(w, 'train-epochs').setValue('3')
    await byId(w, 'train-run').trigger('click')
    await flush()
    const sent = (m.api['runs.start'].mock.calls[0][0] as { spec: { flow: Record<string, unknown> } }).spec
    expect(sent.flow).toMatchObject({ kind: 'trained-composed-dae', t: 0.25, layers: 6, model: { width: 12 }, training: { epochs: 3 } })
  })

  it('loads a spec file into the wizard, and refuses a closed-form one with the reason', async () => {
    const w = mountWizard()
    for (let i = 0; i < 4; i++) await next(w)
    const input = byId(w, 'train-spec-load')
    const moons = {
      version: 1,
      name: 'loaded moons',
      seed: 3,
      distribution: { kind: 'preset', name: 'paper-44' },
      particles: { kind: 'sample', count: 1000 },
      flow: { kind: 'neural-ode', task: 'classify', data: { kind: 'builtin', name: 'circles' }, model: { width: 32 }, training: { epochs: 12 } },
      integration: { solver: 'rk4', depth: 1, stepSize: 0.1, samples: 11 }
    }
    const load = async (text: string): Promise<void> => {
      Object.defineProperty(input.element, 'files', { value: [new File([text], 'spec.json', { type: 'application/json' })], configurable: true })
      await input.trigger('change')
      await flush()
    }
    await load(JSON.stringify(moons))
    expect(byId(w, 'train-spec-loaded').text()).toBe('Loaded spec.json.')
    expect(value(w, 'train-name')).toBe('loaded moons')
    expect(byId(w, 'train-spec-json').text()).toContain('"name": "circles"')
    await load(JSON.stringify({ ...moons, flow: { kind: 'continuous-dae' } }))
    expect(byId(w, 'train-spec-problem').text()).toContain('does not train a network')
    await load(JSON.stringify({ ...moons, flow: { ...moons.flow, model: { width: 0 } } }))
    expect(byId(w, 'train-spec-problem').text()).toContain('This spec is not valid')
    expect(byId(w, 'train-spec-problem').find('[data-field="flow.model.width"]').text()).toBe('Must be at least 1.')
    await load(JSON.stringify({ ...moons, flow: { kind: 'shallow-dae' }, integration: { solver: 'rk4', depth: 0.1, stepSize: 0.05, samples: 3 } }))
    expect(byId(w, 'train-spec-problem').text()).toContain('does not train a network')
    await load('{ not json')
    expect(byId(w, 'train-spec-problem').text()).toBe('This file is not JSON.')
    expect(value(w, 'train-name')).toBe('loaded moons')
  })

  it('feeds the live loss chart from progress events and cancels the job', async () => {
    const w = mountWizard()
    for (let i = 0; i < 4; i++) await next(w)
    expect(byId(w, 'train-live-empty').exists()).toBe(true)
    await byId(w, 'train-run').trigger('click')
    await flush()
    const progress = (training?: TrainingProgress): void =>
      m.emit({ jobId: 'job-1', type: 'progress', fraction: 0.1, message: message('engine.progressTraining'), ...(training ? { training } : {}) })
    const epoch = (k: number, loss: number, nfe: number, more: Partial<TrainingProgress> = {}): TrainingProgress => ({
      epoch: k,
      epochs: 8,
      loss,
      nfe,
      secondsPerEpoch: 0.2,
      elapsedSeconds: 0.2 * k,
      etaSeconds: 0.2 * (8 - k),
      ...more
    })
    progress()
    progress(epoch(1, 0.6931, 64, { validationLoss: 0.7 }))
    // the engine repeats the last epoch's numbers between batches: still one point
    progress(epoch(1, 0.6931, 64, { validationLoss: 0.7 }))
    progress(epoch(2, 0.4, 128, { validationLoss: 0.41, kinetic: 0.012 }))
    await flush()
    expect(byId(w, 'train-live').attributes('data-live-points')).toBe('2')
    expect(byId(w, 'train-loss-chart').attributes('data-points')).toBe('2')
    expect(byId(w, 'train-live-epoch').text()).toBe('Epoch 2 of 8')
    // the time left is the engine's estimate, read as a number: 6 epochs at 0.2 s
    expect(byId(w, 'train-live-eta').text()).toBe('about 2 s left')
    expect(byId(w, 'train-live-loss').text()).toBe('0.4')
    expect(byId(w, 'train-live-nfe').text()).toBe('128')
    await byId(w, 'cancel-button').trigger('click')
    await flush()
    expect(m.api['jobs.cancel']).toHaveBeenCalledWith({ jobId: 'job-1' })
    // what a cancel kept: the checkpoint of the last finished epoch, which the same settings resume from
    m.emit({ jobId: 'job-1', type: 'cancelled' })
    await flush()
    expect(byId(w, 'train-live-cancelled').text()).toBe(
      "Training was cancelled after epoch 2. That epoch's checkpoint is kept in the workspace: training the same settings again resumes from it (a different name is fine; any other change starts over)."
    )
  })

  it('classifies an imported labelled dataset chosen from the data list', async () => {
    const info = (id: string, d: number, classes?: string[]) => ({
      id,
      name: `set ${id}`,
      fileName: `${id}.csv`,
      format: 'csv',
      createdAt: '2026-01-01T00:00:00Z',
      n: 300,
      d,
      featureNames: [],
      ...(classes ? { classes } : {})
    })
    const list = vi.fn(() => Promise.resolve({ ok: true, value: [info('unlabelled', 2), info('wide', 5, ['a', 'b']), info('blobs3', 3, ['a', 'b', 'c'])] }))
    Object.assign(m.api, { 'data.list': list })
    const w = mountWizard()
    await flush()
    expect(list).toHaveBeenCalled()
    await byId(w, 'train-source-dataset').find('input').setValue(true)
    // only the labelled set with at most 3 features is offered
    expect(
      byId(w, 'train-imported')
        .findAll('option')
        .map((o) => o.attributes('value'))
    ).toEqual(['blobs3'])
    expect(value(w, 'train-points')).toBe('300')
    for (let i = 0; i < 4; i++) await next(w)
    // D = 3: (3 + 1) x 16 + 16 + (16 x 16 + 16) + 16 x 3 + 3 = 403; head 3 x 3 + 3 = 12
    expect(byId(w, 'train-cost-parameters').text()).toBe('415')
    await byId(w, 'train-run').trigger('click')
    await flush()
    const r = parseSpec((m.api['runs.start'].mock.calls[0][0] as { spec: unknown }).spec)
    expect(r.ok).toBe(true)
    if (r.ok && r.spec.flow.kind === 'neural-ode') {
      expect(r.spec.flow.data).toEqual({ kind: 'dataset', id: 'blobs3' })
      expect(r.spec.distribution).toEqual({ kind: 'preset', name: 'gaussian-3d' })
    }
  })

  it('speaks Japanese', async () => {
    const w = mountWizard('ja')
    expect(byId(w, 'train-preset-fast').text()).toContain('手早く試す')
    await next(w)
    await next(w)
    expect(byId(w, 'train-layers').text()).toBe('T / h = 4 層')
  })
})
