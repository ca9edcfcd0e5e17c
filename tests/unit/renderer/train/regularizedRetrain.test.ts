// @vitest-environment happy-dom
// The one-click regularised re-train of a trained run: the copy of its spec differs only in the chosen
// weight (and the name), passes the engine's own spec check, is offered only where the spec rule allows
// it (the Jacobian term only for through-depth solves), sits as buttons in the one change-and-re-train
// panel (TrainRerun), and once the new run is done the Compare screen opens with the old run as A and the
// new one as B.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { parseSpec, type ExperimentSpec } from '@shared/experiment'
import type { RunManifest } from '@shared/run'
import { createAppI18n } from '@/i18n'
import { canRegularize, regularizedSpec } from '@/components/analyses/regularize'
import { createMockApi, flush, manifestFixture } from '../helpers'
import { setApi } from '../api-double'

vi.mock('@/api', () => import('../api-double'))
const TrainRerun = (await import('@/components/train/TrainRerun.vue')).default
const { useRunsStore } = await import('@/stores/runs')
const { useNavStore } = await import('@/stores/nav')

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

describe('regularizedSpec', () => {
  it('switches the kinetic weight on (or raises it tenfold), changing nothing else, and the engine accepts it', () => {
    const spec = example('neural-ode-moons.json')
    if (spec.flow.kind !== 'neural-ode') throw new Error('example changed')
    const { spec: out, weight } = regularizedSpec(spec, 'kinetic', '+ kinetic')
    const before = spec.flow.training.kinetic
    expect(weight).toBe(before > 0 ? before * 10 : 0.1)
    const r = parseSpec(out)
    expect(r.ok).toBe(true)
    if (!r.ok || r.spec.flow.kind !== 'neural-ode') return
    expect(r.spec.flow.training).toEqual({ ...spec.flow.training, kinetic: weight })
    expect({ ...r.spec, name: '', flow: { ...r.spec.flow, training: null } }).toEqual({ ...spec, name: '', flow: { ...spec.flow, training: null } })
    expect(r.spec.name).toBe(`${spec.name} + kinetic`)
    // raised again: ten times the weight it now has
    expect(regularizedSpec(r.spec, 'kinetic', 'x').weight).toBeCloseTo(weight * 10, 12)
  })

  it('offers the Jacobian term only where the spec rule allows it', () => {
    const ode = example('neural-ode-moons.json')
    expect(canRegularize(ode, 'kinetic')).toBe(true)
    const jac = regularizedSpec(ode, 'jacobian', '+ J').spec
    // the spec's own check is the truth: offered exactly when the engine accepts the weight
    expect(canRegularize(ode, 'jacobian')).toBe(parseSpec(jac).ok)
    const dae = example('trained-composed-dae.json')
    expect(canRegularize(dae, 'kinetic')).toBe(true)
    expect(canRegularize(dae, 'jacobian')).toBe(false)
    expect(parseSpec(regularizedSpec(dae, 'jacobian', '+ J').spec).ok).toBe(false)
    expect(canRegularize(manifestFixture().spec, 'kinetic')).toBe(false)
  })
})

describe('the one-click re-train buttons of the change-and-re-train panel', () => {
  function mountWith(spec: ExperimentSpec, lang: 'en' | 'ja' = 'en'): VueWrapper {
    const pinia = createPinia()
    setActivePinia(pinia)
    useRunsStore().manifest = { ...manifestFixture('run-before'), spec } as RunManifest
    return mount(TrainRerun, { global: { plugins: [pinia, createAppI18n(lang)] } })
  }

  it('starts the regularised copy and opens Compare with the old run as A and the new as B', async () => {
    const spec = example('neural-ode-moons.json')
    const w = mountWith(spec)
    // one panel: the buttons sit inside the change-and-re-train panel, beside its form
    const panel = w.find('[data-testid="train-rerun"]')
    expect(panel.find('[data-testid="rerun-train-button"]').exists()).toBe(true)
    expect(panel.find('[data-testid="retrain-kinetic"]').text()).toContain('kinetic regularisation')
    await w.find('[data-testid="retrain-kinetic"]').trigger('click')
    await flush()
    const sent = m.api['runs.start'].mock.calls[0][0].spec as ExperimentSpec
    expect(sent).toEqual(regularizedSpec(spec, 'kinetic', '+ kinetic').spec)
    expect(w.find('[data-testid="retrain-pending"]').exists()).toBe(true)
    // the job ends: the jobs store opens the new run, and the comparison takes over
    const after = { ...manifestFixture('run-after'), spec: sent } as RunManifest
    m.api['runs.get'].mockResolvedValue({ ok: true, value: after })
    m.api['runs.trajectories'].mockResolvedValue({ ok: true, value: { shape: [1, 1, 2], depths: [0], data: new Float32Array(2) } })
    m.emit({ jobId: 'job-1', type: 'done', runId: 'run-after' })
    await flush()
    await flush()
    const nav = useNavStore()
    expect([nav.screen, nav.params]).toEqual(['compare', { a: 'run-before', b: 'run-after' }])
    w.unmount()
  })

  it('names the buttons and the copy in Japanese', async () => {
    const spec = example('neural-ode-moons.json')
    const w = mountWith(spec, 'ja')
    expect(w.find('[data-testid="retrain-kinetic"]').text()).toContain('運動エネルギー正則化で再学習')
    await w.find('[data-testid="retrain-kinetic"]').trigger('click')
    await flush()
    const sent = m.api['runs.start'].mock.calls[0][0].spec as ExperimentSpec
    expect(sent.name).toBe(`${spec.name} + 運動エネルギー`)
    w.unmount()
  })

  it('offers no one-click re-train for a closed-form run', () => {
    const w = mountWith(manifestFixture().spec)
    expect(w.find('[data-testid="regularized-retrain"]').exists()).toBe(false)
    w.unmount()
  })
})
