// @vitest-environment happy-dom
// The controls beside a trained run's view: change T, h and lambda_K (or a DAE's noise) and re-train;
// the candidate spec is validated as you type (errors at their fields) and sent as a whole to runs.start.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { parseSpec, type ExperimentSpec } from '@shared/experiment'
import type { RunManifest } from '@shared/run'
import { createAppI18n } from '@/i18n'
import { retrainSpec, retrainValuesOf } from '@/components/train/retrainSpec'
import { createMockApi, flush, manifestFixture } from '../helpers'
import { setApi } from '../api-double'

vi.mock('@/api', () => import('../api-double'))
const TrainRerun = (await import('@/components/train/TrainRerun.vue')).default
const { useRunsStore } = await import('@/stores/runs')

const example = (name: string): ExperimentSpec => {
  const r = parseSpec(JSON.parse(readFileSync(resolve(__dirname, '../../../../examples', name), 'utf8')))
  if (!r.ok) throw new Error(name)
  return r.spec
}
let m: ReturnType<typeof createMockApi>
beforeEach(() => {
  m = createMockApi()
  setApi(m.api)
})

function mountWith(spec: ExperimentSpec): VueWrapper {
  const pinia = createPinia()
  setActivePinia(pinia)
  useRunsStore().manifest = { ...manifestFixture(), spec } as RunManifest
  return mount(TrainRerun, { global: { plugins: [pinia, createAppI18n('en')] } })
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

describe('retrainSpec', () => {
  it('changes training depth, step and weights of a neural ODE, and the evaluation depth with them', () => {
    const spec = example('neural-ode-moons.json')
    const v = retrainValuesOf(spec)!
    if (spec.flow.kind !== 'neural-ode') throw new Error('example changed')
    const tr = spec.flow.training
    const i = spec.integration
    if (i.solver === 'dopri5') throw new Error('example changed')
    expect(v).toEqual({
      depth: tr.depth,
      stepSize: tr.stepSize,
      kinetic: tr.kinetic,
      weightDecay: tr.weightDecay,
      jacobian: tr.jacobian,
      augment: spec.flow.model.augment,
      epochs: tr.epochs,
      evalStepSize: i.stepSize
    })
    const r = parseSpec(retrainSpec(spec, { depth: 2, stepSize: 0.25, kinetic: 0.1, weightDecay: 1e-4, jacobian: 0.02, augment: 0, evalStepSize: 0.05 }))
    expect(r.ok).toBe(true)
    if (r.ok && r.spec.flow.kind === 'neural-ode') {
      expect(r.spec.flow.training).toMatchObject({ depth: 2, stepSize: 0.25, kinetic: 0.1, weightDecay: 1e-4, jacobian: 0.02, epochs: tr.epochs })
      expect(r.spec.flow.model.augment).toBe(0)
      expect(r.spec.integration).toMatchObject({ depth: 2, stepSize: 0.05 })
      expect(r.spec.flow.data).toEqual({ kind: 'builtin', name: 'moons' })
    }
  })

  it("moves a DAE's noise and depth together", () => {
    const r = parseSpec(retrainSpec(example('trained-composed-dae.json'), { depth: 0.5, stepSize: null, kinetic: 0, weightDecay: 0 }))
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.spec.flow).toMatchObject({ kind: 'trained-composed-dae', t: 0.5, layers: 4 })
      expect(r.spec.integration.depth).toBe(0.5)
    }
  })

  it('offers nothing for a closed-form run', () => {
    expect(retrainValuesOf(manifestFixture().spec)).toBeNull()
  })
})

describe('TrainRerun', () => {
  it('validates as you type and re-trains with the changed spec', async () => {
    const w = mountWith(example('neural-ode-moons.json'))
    expect(byId(w, 'rerun-train-layers').text()).toMatch(/^T \/ h = \d+ layers$/)
    await byId(w, 'rerun-train-depth').setValue('1')
    await byId(w, 'rerun-train-step').setValue('0.3')
    expect(byId(w, 'rerun-train-step-error').text()).toContain('whole number of steps')
    expect(byId(w, 'rerun-train-button').attributes('disabled')).toBeDefined()
    await byId(w, 'rerun-train-step').setValue('0.2')
    await byId(w, 'rerun-train-kinetic').setValue('0.1')
    expect(byId(w, 'rerun-train-layers').text()).toBe('T / h = 5 layers')
    await byId(w, 'rerun-train-button').trigger('submit')
    await flush()
    const sent = (m.api['runs.start'].mock.calls[0][0] as { spec: unknown }).spec
    const r = parseSpec(sent)
    expect(r.ok && r.spec.flow.kind === 'neural-ode' && r.spec.flow.training.stepSize === 0.2 && r.spec.flow.training.kinetic === 0.1).toBe(true)
  })

  it('is hidden for a closed-form run', () => {
    const w = mountWith(manifestFixture().spec)
    expect(byId(w, 'train-rerun').exists()).toBe(false)
  })
})

describe('one change-and-re-run panel', () => {
  it('offers every regulariser of the wizard, and the Jacobian only where the task takes it', () => {
    const w = mountWith(example('neural-ode-moons.json'))
    for (const id of ['rerun-train-decay', 'rerun-train-kinetic', 'rerun-train-jacobian', 'rerun-train-augment', 'rerun-train-eval-step'])
      expect(byId(w, id).exists(), id).toBe(true)
    const dae = mountWith(example('trained-composed-dae.json'))
    expect(byId(dae, 'rerun-train-jacobian').exists()).toBe(false)
    expect(byId(dae, 'rerun-train-augment').exists()).toBe(false)
    expect(byId(dae, 'rerun-train-kinetic').exists()).toBe(true)
  })

  it('below 90 % held-out accuracy, says why and re-trains longer or with one extra dimension', async () => {
    const spec = example('neural-ode-moons.json')
    const flow = spec.flow
    if (flow.kind !== 'neural-ode') throw new Error('example changed')
    const lowRun = (accuracy: number, augment: number) => {
      const pinia = createPinia()
      setActivePinia(pinia)
      const s = { ...spec, flow: { ...flow, model: { ...flow.model, augment } } }
      useRunsStore().manifest = { ...manifestFixture(), spec: s, dimension: 2, training: { heldOut: { accuracy } } } as unknown as RunManifest
      return mount(TrainRerun, { global: { plugins: [pinia, createAppI18n('en')] } })
    }
    expect(byId(lowRun(0.9, 0), 'rerun-low-accuracy').exists()).toBe(false)
    const w = lowRun(0.74, 0)
    expect(byId(w, 'rerun-low-accuracy').text()).toContain('Held-out accuracy 74% is below 90%')
    await byId(w, 'rerun-add-dimension').trigger('click')
    await flush()
    const r = parseSpec((m.api['runs.start'].mock.calls[0][0] as { spec: unknown }).spec)
    expect(r.ok && r.spec.flow.kind === 'neural-ode' && r.spec.flow.model.augment).toBe(1)
    // a state of 3 coordinates has no room: another remedy, no button
    const full = lowRun(0.6, 1)
    expect(byId(full, 'rerun-low-accuracy').text()).toContain('already has 3 coordinates')
    expect(byId(full, 'rerun-add-dimension').exists()).toBe(false)
    // training longer: the epochs times LONGER, nothing else changed
    await byId(full, 'rerun-train-longer').trigger('click')
    await flush()
    const longer = parseSpec((m.api['runs.start'].mock.calls[1][0] as { spec: unknown }).spec)
    expect(longer.ok && longer.spec.flow.kind === 'neural-ode' && [longer.spec.flow.training.epochs, longer.spec.flow.model.augment]).toEqual([
      flow.training.epochs * 4,
      1
    ])
  })
})
