// The DAE wizard's imported-dataset source: choosing a dataset makes the spec's distribution
// {"kind":"dataset","id","columns"} with its first (at most 3) feature columns, the empirical DAE, and no
// more particles or reference points than the dataset has rows; parseSpec accepts the result.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMockApi } from '../helpers'
import { setApi } from '../api-double'

// the draft names runs against the history (the runs store), which reaches the engine through '@/api'
vi.mock('@/api', () => import('../api-double'))
const { useExperimentStore } = await import('@/stores/experiment')

beforeEach(() => {
  setApi(createMockApi().api)
  setActivePinia(createPinia())
})

describe('an imported dataset as the DAE wizard data', () => {
  it('builds a valid empirical-DAE spec on its columns', () => {
    const draft = useExperimentStore()
    draft.selectDataset({ id: 'wine-1', n: 178, d: 5, name: 'Wine' })
    expect(draft.specInput.name).toBe('Wine empirical-dae, rk4 h=0.005')
    expect(draft.specInput.distribution).toEqual({ kind: 'dataset', id: 'wine-1', columns: [0, 1, 2] })
    expect(draft.specInput.flow).toMatchObject({ kind: 'empirical-dae' })
    expect(draft.specInput.particles).toEqual({ kind: 'sample', count: 178 })
    expect(draft.dimension).toBe(3)
    draft.referenceSize = 100
    expect(draft.valid).toBe(true)
    draft.toggleColumn(1)
    expect(draft.specInput.distribution).toMatchObject({ columns: [0, 2] })
    expect(draft.sampledData).toBe(true)
    draft.flowKind = 'continuous-dae'
    expect(draft.errorsAt('flow.kind').length).toBe(1)
  })
})
