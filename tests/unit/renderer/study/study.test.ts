// The study wizard's pure parts (parsing a sweep as the user types, the cost shown before Run, the
// presets being valid experiments) and the studies store's job flow against a mocked api.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { parseSpec } from '@shared/experiment'
import type { StudyResult } from '@shared/study'
import { message } from '@shared/messages'
import { parseValues, STUDY_PRESETS, studyCost } from '@/components/study/presets'
import { createMockApi, flush } from '../helpers'
import { setApi } from '../api-double'

vi.mock('@/api', () => import('../api-double'))
const { useStudiesStore } = await import('@/stores/studies')

describe('parseValues', () => {
  it('reads comma, space and Japanese comma lists', () => {
    expect(parseValues('1, 2 4;8、16', 'layers')).toEqual({ ok: true, values: [1, 2, 4, 8, 16] })
    expect(parseValues('0.1, 0.05', 'stepSize')).toEqual({ ok: true, values: [0.1, 0.05] })
  })
  it('names the first problem', () => {
    expect(parseValues('', 'layers')).toEqual({ ok: false, problem: 'empty' })
    expect(parseValues('1, x', 'layers')).toEqual({ ok: false, problem: 'notNumber' })
    expect(parseValues('1, -2', 'steps')).toEqual({ ok: false, problem: 'notPositive' })
    expect(parseValues('1, 2.5', 'layers')).toEqual({ ok: false, problem: 'notWhole' })
    expect(parseValues('4', 'steps')).toEqual({ ok: false, problem: 'tooFew' })
    expect(parseValues(Array.from({ length: 17 }, (_, i) => i + 1).join(','), 'layers')).toEqual({ ok: false, problem: 'tooMany' })
  })
})

describe('presets', () => {
  it('are valid experiments', () => {
    for (const p of STUDY_PRESETS) expect(parseSpec(p.spec).ok).toBe(true)
  })
  it('cost: the points plus the limit at the finest resolution', () => {
    // L = 1 + 2 + 4 = 7 layer steps, the limit counted as 4: 11 steps x 2000 particles
    expect(studyCost(STUDY_PRESETS[0].spec, { parameter: 'layers', values: [1, 2, 4] })).toEqual({ runs: 4, particles: 2000, particleSteps: 22_000 })
    // depth 0.25 with h = 0.05 and 0.025: 5 + 10 steps, limit 10
    expect(studyCost(STUDY_PRESETS[0].spec, { parameter: 'stepSize', values: [0.05, 0.025] }).particleSteps).toBe(25 * 2000)
  })
})

describe('studies store', () => {
  let extra: Record<string, ReturnType<typeof vi.fn>>
  let emit: ReturnType<typeof createMockApi>['emit']
  const result: StudyResult = {
    id: 'st-1',
    name: 'deeper',
    createdAt: '2026-11-27T20:00:00Z',
    appVersion: '0',
    backend: 'wasm',
    spec: {},
    sweep: { parameter: 'layers', values: [1, 2] },
    limit: 'continuous',
    limitEntropyEnd: 1.07,
    points: [],
    slope: -1,
    notes: []
  }
  beforeEach(() => {
    const m = createMockApi()
    extra = {
      'studies.start': vi.fn(() => Promise.resolve({ ok: true, value: { jobId: 'job-s' } })),
      'studies.get': vi.fn(() => Promise.resolve({ ok: true, value: result })),
      'studies.list': vi.fn(() => Promise.resolve({ ok: true, value: [] }))
    }
    emit = m.emit
    setApi({ ...m.api, ...extra })
    setActivePinia(createPinia())
  })

  it('starts, follows progress (events held until the job id is known), opens the study when done', async () => {
    const s = useStudiesStore()
    const started = s.start({ name: 'deeper', spec: STUDY_PRESETS[0].spec, sweep: STUDY_PRESETS[0].sweep })
    emit({ jobId: 'job-s', type: 'progress', fraction: 0.5, message: message('runs.studyPointSpec', { parameter: 'layers', value: 4 }) })
    expect(await started).toBe(true)
    expect(s.fraction).toBe(0.5)
    expect(s.message).toEqual(message('runs.studyPointSpec', { parameter: 'layers', value: 4 }))
    emit({ jobId: 'job-s', type: 'done', runId: 'st-1' })
    await flush()
    expect(extra['studies.get']).toHaveBeenCalledWith({ id: 'st-1' })
    expect(s.status).toBe('done')
    expect(s.current?.slope).toBe(-1)
  })

  it('shows a refused study as failed with the engine message', async () => {
    extra['studies.start'].mockResolvedValue({
      ok: false,
      error: { code: 'invalid-spec', message: message('runs.sweepKindProblem', { problem: message('runs.sweepLayersFlow') }) }
    })
    const s = useStudiesStore()
    expect(await s.start({ name: 'x', spec: {}, sweep: { parameter: 'layers', values: [1, 2] } })).toBe(false)
    expect(s.status).toBe('failed')
    expect(s.error?.message).toEqual(message('runs.sweepKindProblem', { problem: message('runs.sweepLayersFlow') }))
  })
})
