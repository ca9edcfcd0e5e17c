// The wizard draft: the spec built from form values, the cost estimate, and the store's validation.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { parseSpec } from '@shared/experiment'
import { buildSpec, estimateCost, formatBytes, type DraftValues } from '@/stores/drafts/experimentDraft'
import { createMockApi, SPEC_47 } from '../helpers'
import { setApi } from '../api-double'

vi.mock('@/api', () => import('../api-double'))
const { useExperimentStore } = await import('@/stores/experiment')

const defaults: DraftValues = {
  name: '',
  seed: 7,
  distMode: 'preset',
  preset: 'paper-47',
  datasetId: '',
  datasetColumns: [],
  datasetComponents: 1,
  components: [],
  flowKind: 'continuous-dae',
  layers: 10,
  bandwidth: 0.05,
  referenceSize: 1000,
  particlesKind: 'sample',
  count: 2000,
  gridCount: 15,
  solver: 'rk4',
  depth: 0.45,
  stepSize: 0.005,
  samples: 46,
  rtol: 1e-6,
  atol: 1e-7
}

describe('buildSpec', () => {
  it('builds the example for preset (47), named by the English run-name template without a default name', () => {
    // '{data} {flow}, {solver} h={h}' (renderer/src/i18n/areas/steps.ts)
    expect(buildSpec(defaults, 1)).toEqual({ ...SPEC_47, name: 'paper-47 continuous-dae, rk4 h=0.005' })
    expect(buildSpec(defaults, 1, 'given default')).toEqual({ ...SPEC_47, name: 'given default' })
  })

  it('builds a custom mixture, composed flow, grid and adaptive solver', () => {
    const spec = buildSpec(
      {
        ...defaults,
        name: '  mine ',
        distMode: 'custom',
        components: [{ weight: 1, mean: [0.5], covariance: [[2]] }],
        flowKind: 'composed-dae',
        layers: 4,
        particlesKind: 'grid',
        gridCount: 9,
        solver: 'dopri5'
      },
      1
    )
    expect(spec).toEqual({
      version: 1,
      name: 'mine',
      seed: 7,
      distribution: { kind: 'gmm', weights: [1], means: [[0.5]], covariances: [[[2]]] },
      particles: { kind: 'grid', counts: 9 },
      flow: { kind: 'composed-dae', layers: 4 },
      integration: { solver: 'dopri5', depth: 0.45, samples: 46, rtol: 1e-6, atol: 1e-7 }
    })
    expect(parseSpec(spec).ok).toBe(true)
  })

  it('keeps an empty field as null so the validator names it', () => {
    const r = parseSpec(buildSpec({ ...defaults, stepSize: null }, 1))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.map((e) => e.field)).toEqual(['integration.stepSize'])
  })
})

describe('estimateCost', () => {
  it('counts particles x steps and the trajectory memory (hand computed)', () => {
    const r = parseSpec(SPEC_47)
    if (!r.ok) throw new Error('invalid')
    // 0.45 / 0.005 = 90 steps; 46 samples x 2000 particles x 2 coords x 4 bytes = 736000 bytes
    expect(estimateCost(r.spec, 2000, 2)).toEqual({
      particles: 2000,
      steps: 90,
      adaptive: false,
      particleSteps: 180_000,
      stages: 4,
      trajectoryBytes: 736_000,
      // the h used is the h asked for; every recorded depth (every 2nd step) is a step end: 90 x 4 NFE
      stepSize: 0.005,
      nfe: 360
    })
    expect(formatBytes(736_000)).toBe('719 KiB')
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(3 * 2 ** 30)).toBe('3.00 GiB')
  })
})

describe('estimateCost: NFE of the step grid', () => {
  const cost = (integration: object, flow: object = { kind: 'continuous-dae' }) => {
    const r = parseSpec({ ...SPEC_47, distribution: { kind: 'preset', name: 'normal-1d' }, flow, integration })
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    return estimateCost(r.spec, 2000, 1)
  }
  it('is T/h steps x stages, plus one end slope when a Hermite depth falls inside the last step', () => {
    // T = 0.4, h = 0.01: 40 steps; 46 samples put depth 44 T/45 = 0.3911 inside the last step
    expect(cost({ solver: 'rk4', depth: 0.4, stepSize: 0.01, samples: 46 }).nfe).toBe(161)
    expect(cost({ solver: 'rk4', depth: 0.4, stepSize: 0.01, samples: 7 }).nfe).toBe(160)
    expect(cost({ solver: 'euler', depth: 0.4, stepSize: 0.01, samples: 46 }).nfe).toBe(40)
    // h = 0.005: 80 steps; 44 T/45 sits at step 78.2, not in the last one
    expect(cost({ solver: 'rk4', depth: 0.4, stepSize: 0.005, samples: 46 }).nfe).toBe(320)
  })
  it('has no h or NFE for maps, and the budget bound for dopri5', () => {
    expect(cost({ solver: 'rk4', depth: 0.4, stepSize: 0.03, samples: 46 }, { kind: 'shallow-dae' })).toMatchObject({ stepSize: null, nfe: null })
    expect(cost({ solver: 'dopri5', depth: 0.4, samples: 46, maxSteps: 100 })).toMatchObject({ stepSize: null, nfe: 601 })
  })
})

describe('experiment store', () => {
  beforeEach(() => {
    setApi(createMockApi().api)
    setActivePinia(createPinia())
  })

  it('starts valid on preset (47) with t* = 0.5 and a cost', () => {
    const s = useExperimentStore()
    expect(s.valid).toBe(true)
    expect(s.singular).toBeCloseTo(0.5, 12)
    expect(s.cost?.particleSteps).toBe(180_000)
  })

  it('reports depth past t* at integration.depth', () => {
    const s = useExperimentStore()
    s.depth = 0.6
    expect(s.valid).toBe(false)
    expect(s.errorsAt('integration.depth')[0].message).toMatchObject({ key: 'spec.depthPastSingular', params: { tStar: '0.500000' } })
    expect(s.cost).toBeNull()
  })

  it('edits parameters starting from the preset, keeping covariances symmetric', () => {
    const s = useExperimentStore()
    s.customize()
    expect(s.distMode).toBe('custom')
    expect(s.components.map((c) => c.weight)).toEqual([0.2, 0.8])
    expect(s.components[1].covariance).toEqual([
      [2, 0],
      [0, 1]
    ])
    s.setCovariance(1, 0, 1, 0.3)
    expect(s.components[1].covariance).toEqual([
      [2, 0.3],
      [0.3, 1]
    ])
    expect(s.valid).toBe(true)
    s.setCovariance(1, 0, 1, 3) // eigenvalues of [[2,3],[3,1]] include a negative one
    expect(s.errorsAt('distribution.covariances.1', true)[0].message.key).toBe('spec.covarianceNotPositiveDefinite')
  })

  it('adds and removes components keeping the weights summing to 1', () => {
    const s = useExperimentStore()
    s.customize()
    s.addComponent()
    expect(s.components.map((c) => c.weight)).toEqual([1 / 3, 1 / 3, 1 / 3])
    expect(s.components[2].mean).toEqual([0, 0])
    expect(s.valid).toBe(true)
    s.removeComponent(0)
    expect(s.components.map((c) => c.weight)).toEqual([0.5, 0.5])
    s.setWeight(0, 0.9)
    expect(s.errorsAt('distribution.weights')[0].message.key).toBe('spec.weightsSum')
  })

  it('changes dimension keeping entries that still fit', () => {
    const s = useExperimentStore()
    s.customize()
    s.setDimension(3)
    expect(s.components[1].mean).toEqual([1, 0, 0])
    expect(s.components[1].covariance).toEqual([
      [2, 0, 0],
      [0, 1, 0],
      [0, 0, 1]
    ])
    expect(s.valid).toBe(true)
    s.setDimension(1)
    expect(s.components[1].covariance).toEqual([[2]])
    expect(s.dimension).toBe(1)
  })

  it('switches to the empirical DAE for sampled data and back for mixtures', () => {
    const s = useExperimentStore()
    s.selectPreset('swiss-roll-2d')
    expect(s.flowKind).toBe('empirical-dae')
    expect(s.sampledData).toBe(true)
    expect(s.singular).toBeNull()
    expect(s.valid).toBe(true)
    s.selectPreset('paper-44')
    expect(s.flowKind).toBe('continuous-dae')
  })
})

describe('trained DAEs beside the closed forms', () => {
  it('builds trained-dae and trained-composed-dae specs whose noise is the depth, with default network and training', () => {
    const depth = defaults.depth
    const one = parseSpec(buildSpec({ ...defaults, flowKind: 'trained-dae' }, 1))
    expect(one.ok).toBe(true)
    if (one.ok)
      expect(one.spec.flow).toMatchObject({ kind: 'trained-dae', t: depth, model: { width: expect.any(Number) }, training: { epochs: expect.any(Number) } })
    const many = parseSpec(buildSpec({ ...defaults, flowKind: 'trained-composed-dae', layers: 4 }, 1))
    expect(many.ok).toBe(true)
    if (many.ok) expect(many.spec.flow).toMatchObject({ kind: 'trained-composed-dae', t: depth, layers: 4 })
  })
})
