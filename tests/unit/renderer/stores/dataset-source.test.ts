// The DAE wizard's imported-dataset source: choosing a dataset makes the spec's distribution
// {"kind":"dataset","id","columns"} with its first (at most 3) feature columns, keeps the chosen DAE (all
// take a dataset), and no more particles or reference points than the dataset has rows; parseSpec accepts
// the result. The closed-form DAEs ask the engine for the fitted mixture (K from the draft); the continuous
// DAE's depth is bounded by its t*, as the run's will be, the shallow DAE's is not.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMockApi } from '../helpers'
import { setApi } from '../api-double'
import { FIT_DEBOUNCE_MS } from '@/stores/drafts/datasetFit'
import { message } from '@shared/messages'

// the draft names runs against the history (the runs store), which reaches the engine through '@/api'
vi.mock('@/api', () => import('../api-double'))
const { useExperimentStore } = await import('@/stores/experiment')

let m: ReturnType<typeof createMockApi>
beforeEach(() => {
  m = createMockApi()
  setApi(m.api)
  setActivePinia(createPinia())
})

const settle = async (): Promise<void> => {
  await vi.advanceTimersByTimeAsync(FIT_DEBOUNCE_MS + 10)
  await vi.runAllTimersAsync()
}

describe('an imported dataset as the DAE wizard data', () => {
  it('builds a valid empirical-DAE spec on its columns', () => {
    const draft = useExperimentStore()
    draft.flowKind = 'empirical-dae'
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
    // a closed form takes it through a fitted mixture: K joins the spec
    draft.flowKind = 'shallow-dae'
    expect(draft.errorsAt('flow.kind')).toEqual([])
    expect(draft.specInput.distribution).toEqual({ kind: 'dataset', id: 'wine-1', columns: [0, 2], components: 1 })
  })

  it('the continuous DAE: K in the spec, the fitted t* shown and bounding the depth', async () => {
    vi.useFakeTimers()
    try {
      const draft = useExperimentStore()
      draft.selectPreset('paper-47')
      draft.flowKind = 'shallow-dae'
      draft.selectDataset({ id: 'wine-1', n: 178, d: 2, name: 'Wine' })
      // the chosen closed form stays; the shallow DAE's depth is not bounded by the fitted t*
      expect(draft.flowKind).toBe('shallow-dae')
      draft.depth = 0.3
      await settle()
      expect(m.api['data.fitMixture']).toHaveBeenLastCalledWith({ id: 'wine-1', columns: [0, 1], components: 1, seed: 7 })
      expect(draft.errorsAt('integration.depth')).toEqual([])
      draft.flowKind = 'continuous-dae'
      expect(draft.specInput.distribution).toEqual({ kind: 'dataset', id: 'wine-1', columns: [0, 1], components: 1 })
      draft.datasetComponents = 3
      draft.depth = 0.2
      draft.stepSize = 0.005
      await settle()
      expect(m.api['data.fitMixture']).toHaveBeenLastCalledWith({ id: 'wine-1', columns: [0, 1], components: 3, seed: 7 })
      expect(draft.fit?.tStar).toBe(0.25)
      expect(draft.singular).toBe(0.25)
      expect(draft.valid).toBe(true)
      // past the fitted t*: a field error on the depth, in the run's own words
      draft.depth = 0.3
      expect(draft.errorsAt('integration.depth')).toEqual([
        { field: 'integration.depth', message: message('datadae.depthPastFitted', { depth: 0.3, tStar: 0.25 }) }
      ])
      expect(draft.valid).toBe(false)
      // an empty or fractional K is a field error on K, and no fit is asked for an empty one
      const calls = m.api['data.fitMixture'].mock.calls.length
      draft.datasetComponents = null
      await settle()
      expect(draft.errorsAt('distribution.components').length).toBe(1)
      expect(m.api['data.fitMixture'].mock.calls.length).toBe(calls)
      expect(draft.singular).toBeNull()
      draft.datasetComponents = 1.5
      expect(draft.errorsAt('distribution.components').length).toBe(1)
      draft.datasetComponents = 17
      expect(draft.errorsAt('distribution.components').length).toBe(1)
      // the engine's refusal of K (a component emptied during the fit) lands on the K field
      const tooFew = message('datadae.componentEmpty', { component: 12, components: 16 })
      m.api['data.fitMixture'].mockResolvedValueOnce({
        ok: false,
        error: { code: 'invalid-spec', message: tooFew, fields: [{ field: 'distribution.components', message: tooFew }] }
      })
      draft.datasetComponents = 16
      await settle()
      expect(draft.errorsAt('distribution.components')).toEqual([{ field: 'distribution.components', message: tooFew }])
      // the trained DAE takes the dataset too; K is not part of its spec
      draft.flowKind = 'trained-dae'
      expect(draft.specInput.distribution).toEqual({ kind: 'dataset', id: 'wine-1', columns: [0, 1] })
      await settle()
      expect(draft.errorsAt('distribution', true)).toEqual([])
    } finally {
      vi.useRealTimers()
    }
  })
})
