// The job flow: start -> progress -> done (run opened), failed (message, retry), cancelled, and events
// that arrive before runs.start has answered with the job id.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMockApi, flush, manifestFixture, SPEC_47, trajectoriesFixture } from '../helpers'
import { setApi } from '../api-double'
import { message } from '@shared/messages'

vi.mock('@/api', () => import('../api-double'))
const { useJobsStore } = await import('@/stores/jobs')
const { useRunsStore } = await import('@/stores/runs')
const { useViewStore } = await import('@/stores/view')
const { useNavStore } = await import('@/stores/nav')

let m: ReturnType<typeof createMockApi>

beforeEach(() => {
  m = createMockApi()
  setApi(m.api)
  setActivePinia(createPinia())
})

describe('jobs store', () => {
  it('starts with the spec, follows progress, and opens the run when done', async () => {
    const manifest = manifestFixture('run-9', 4, 0.3)
    const traj = trajectoriesFixture(4)
    m.api['runs.get'].mockResolvedValue({ ok: true, value: manifest })
    m.api['runs.trajectories'].mockResolvedValue({ ok: true, value: traj })
    m.api['runs.list'].mockResolvedValue({ ok: true, value: [{ id: 'run-9', name: 'n', createdAt: 'x', status: 'complete' }] })
    const jobs = useJobsStore()
    expect(await jobs.start(SPEC_47)).toBe(true)
    expect(m.api['runs.start']).toHaveBeenCalledWith({ spec: SPEC_47 })
    expect(jobs.status).toBe('running')
    m.emit({ jobId: 'job-1', type: 'progress', fraction: 0.25, depth: 0.1125 })
    m.emit({ jobId: 'other', type: 'progress', fraction: 0.9 })
    expect(jobs.fraction).toBe(0.25)
    expect(jobs.depth).toBe(0.1125)
    m.emit({ jobId: 'job-1', type: 'done', runId: 'run-9' })
    await flush()
    expect(jobs.status).toBe('done')
    expect(m.api['runs.get']).toHaveBeenCalledWith({ id: 'run-9' })
    const runs = useRunsStore()
    expect(runs.manifest?.id).toBe('run-9')
    expect(runs.trajectories).toBe(traj)
    expect(runs.history).toHaveLength(1)
    // first run: the view opens at the end depth
    expect(useViewStore().depth).toBe(0)
    expect(useViewStore().maxDepth).toBe(0.3)
  })

  it('is loading while the finished run opens, and fails with the reason when it cannot be read', async () => {
    let answer: (v: unknown) => void = () => {}
    m.api['runs.get'].mockReturnValue(new Promise((resolve) => (answer = resolve as (v: unknown) => void)))
    const jobs = useJobsStore()
    await jobs.start(SPEC_47)
    m.emit({ jobId: 'job-1', type: 'done', runId: 'run-9' })
    await flush()
    expect(jobs.status).toBe('loading')
    expect(await jobs.start(SPEC_47)).toBe(false)
    answer({ ok: false, error: { code: 'not-found', message: message('runs.runFileMissing', { id: 'run-9', file: 'run.json' }) } })
    await flush()
    expect(jobs.status).toBe('failed')
    expect(jobs.error?.message).toEqual(message('runs.runFileMissing', { id: 'run-9', file: 'run.json' }))
    expect(m.api['runs.list']).not.toHaveBeenCalled()
  })

  it('applies events that arrive before runs.start answers', async () => {
    let answer: (v: unknown) => void = () => {}
    m.api['runs.start'].mockImplementation(() => new Promise((r) => (answer = r)) as never)
    const jobs = useJobsStore()
    const started = jobs.start(SPEC_47)
    m.emit({ jobId: 'job-7', type: 'started', name: 'x' })
    m.emit({ jobId: 'job-7', type: 'progress', fraction: 0.5, depth: 0.2 })
    m.emit({ jobId: 'job-7', type: 'cancelled' })
    answer({ ok: true, value: { jobId: 'job-7' } })
    await started
    expect(jobs.fraction).toBe(0.5)
    expect(jobs.status).toBe('cancelled')
  })

  it('cancels through jobs.cancel and reports the cancellation without opening a run', async () => {
    const jobs = useJobsStore()
    await jobs.start(SPEC_47)
    await jobs.cancel()
    expect(m.api['jobs.cancel']).toHaveBeenCalledWith({ jobId: 'job-1' })
    expect(jobs.cancelling).toBe(true)
    m.emit({ jobId: 'job-1', type: 'cancelled' })
    await flush()
    expect(jobs.status).toBe('cancelled')
    expect(jobs.cancelling).toBe(false)
    expect(m.api['runs.get']).not.toHaveBeenCalled()
    expect(useRunsStore().manifest).toBeNull()
  })

  it('shows a failure and retries with the same spec', async () => {
    const jobs = useJobsStore()
    await jobs.start(SPEC_47)
    m.emit({
      jobId: 'job-1',
      type: 'failed',
      error: { code: 'blow-up', message: message('engine.blowUp', { depth: 0.31, detail: message('engine.positionsNonFinite') }) }
    })
    await flush()
    expect(jobs.status).toBe('failed')
    expect(jobs.error?.message).toEqual(message('engine.blowUp', { depth: 0.31, detail: message('engine.positionsNonFinite') }))
    m.api['runs.start'].mockResolvedValueOnce({ ok: true, value: { jobId: 'job-2' } })
    expect(await jobs.retry()).toBe(true)
    expect(m.api['runs.start']).toHaveBeenLastCalledWith({ spec: SPEC_47 })
    expect(jobs.status).toBe('running')
    expect(jobs.jobId).toBe('job-2')
    expect(jobs.error).toBeNull()
  })

  it('reports a refused start as a failure', async () => {
    m.api['runs.start'].mockResolvedValueOnce({ ok: false, error: { code: 'busy', message: message('engine.tooManyRequests', { max: 1 }) } } as never)
    const jobs = useJobsStore()
    expect(await jobs.start(SPEC_47)).toBe(false)
    expect(jobs.status).toBe('failed')
    expect(jobs.error?.code).toBe('busy')
  })

  it('does not start a second job while one runs', async () => {
    const jobs = useJobsStore()
    await jobs.start(SPEC_47)
    expect(await jobs.start(SPEC_47)).toBe(false)
    expect(m.api['runs.start']).toHaveBeenCalledTimes(1)
  })

  it('starts the scrubber at depth 0 when a re-run replaces the current run', async () => {
    m.api['runs.get'].mockResolvedValueOnce({ ok: true, value: manifestFixture('a', 4, 0.3) })
    m.api['runs.trajectories'].mockResolvedValue({ ok: true, value: trajectoriesFixture(4) })
    const jobs = useJobsStore()
    const view = useViewStore()
    await jobs.start(SPEC_47)
    m.emit({ jobId: 'job-1', type: 'done', runId: 'a' })
    await flush()
    view.setDepth(0.25)
    m.api['runs.get'].mockResolvedValueOnce({ ok: true, value: manifestFixture('b', 4, 0.2) })
    m.api['runs.start'].mockResolvedValueOnce({ ok: true, value: { jobId: 'job-2' } })
    await jobs.start(SPEC_47)
    m.emit({ jobId: 'job-2', type: 'done', runId: 'b' })
    await flush()
    expect(useRunsStore().manifest?.id).toBe('b')
    expect(view.depth).toBe(0)
    expect(view.maxDepth).toBe(0.2)
  })
})

describe('view store', () => {
  it('plays from 0 to T on animation frames and stops at the end', () => {
    const frames: FrameRequestCallback[] = []
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb))
    vi.stubGlobal('cancelAnimationFrame', () => {})
    const now = vi.spyOn(performance, 'now').mockReturnValue(1000)
    const view = useViewStore()
    view.setRange(0.6)
    expect(view.depth).toBe(0)
    view.setDepth(0.6)
    view.play() // at the end: restarts from 0
    expect(view.depth).toBe(0)
    expect(view.playing).toBe(true)
    frames.shift()!(1000 + 1000) // one second of a 6 s sweep: 0.6 / 6 = 0.1
    expect(view.depth).toBeCloseTo(0.1, 12)
    frames.shift()!(1000 + 7000)
    expect(view.depth).toBe(0.6)
    expect(view.playing).toBe(false)
    now.mockRestore()
    vi.unstubAllGlobals()
  })

  it('clamps the depth to [0, T]', () => {
    const view = useViewStore()
    view.setRange(0.45)
    view.setDepth(-1)
    expect(view.depth).toBe(0)
    view.setDepth(2)
    expect(view.depth).toBe(0.45)
  })
})

describe('stale state', () => {
  it('a late answer for a run asked for earlier does not replace the run asked for last (Back, Forward)', async () => {
    let answerA: (v: unknown) => void = () => {}
    m.api['runs.get'].mockImplementationOnce(() => new Promise((r) => (answerA = r)) as never)
    m.api['runs.get'].mockResolvedValueOnce({ ok: true, value: manifestFixture('b', 4, 0.2) })
    m.api['runs.trajectories'].mockResolvedValue({ ok: true, value: trajectoriesFixture(4) })
    const runs = useRunsStore()
    const first = runs.open('a')
    expect(await runs.open('b')).toBe(true)
    answerA({ ok: true, value: manifestFixture('a', 4, 0.3) })
    expect(await first).toBe(false)
    expect(runs.manifest?.id).toBe('b')
    expect(runs.loading).toBe(false)
  })

  it('remembers the screen a run was opened from, and a job opens its run where it was started', async () => {
    m.api['runs.get'].mockResolvedValue({ ok: true, value: manifestFixture('a', 4, 0.3) })
    m.api['runs.trajectories'].mockResolvedValue({ ok: true, value: trajectoriesFixture(4) })
    const runs = useRunsStore()
    await runs.open('a', 'train')
    expect(runs.openedFrom).toBe('train')
    useNavStore().go('dae')
    const jobs = useJobsStore()
    await jobs.start(SPEC_47)
    useNavStore().go('history')
    m.emit({ jobId: 'job-1', type: 'done', runId: 'a' })
    await flush()
    expect(runs.openedFrom).toBe('dae')
  })
})
