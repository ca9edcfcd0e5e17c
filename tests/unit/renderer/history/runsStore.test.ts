// The runs store's history edits with the api mocked: rename/retag replace the entry (and the open run's
// name), trash moves the entry to the trash list, restore brings it back from the engine's list, and a run
// that fails to open keeps its error by id until it opens.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { manifestFixture, trajectoriesFixture } from '../helpers'
import { createFullMockApi, historyFixture, type FullMock } from './mockApi'
import { setApi } from '../api-double'
import { message } from '@shared/messages'

vi.mock('@/api', () => import('../api-double'))
const { useRunsStore } = await import('@/stores/runs')

let m: FullMock

beforeEach(() => {
  m = createFullMockApi()
  setApi(m.api)
  m.api['runs.list'].mockResolvedValue({ ok: true, value: historyFixture() })
  setActivePinia(createPinia())
})

describe('runs store edits', () => {
  it('replaces the renamed entry and renames the open run', async () => {
    m.api['runs.get'].mockResolvedValue({ ok: true, value: manifestFixture('r-old') })
    m.api['runs.trajectories'].mockResolvedValue({ ok: true, value: trajectoriesFixture() })
    const runs = useRunsStore()
    await runs.refreshHistory()
    await runs.open('r-old')
    const r = await runs.update('r-old', { name: 'Renamed' })
    expect(r.ok).toBe(true)
    expect(runs.history.find((h) => h.id === 'r-old')?.name).toBe('Renamed')
    expect(runs.history).toHaveLength(4)
    expect(runs.manifest?.name).toBe('Renamed')
  })

  it('moves a trashed run out of the history into the trash, and restore reloads the history', async () => {
    const runs = useRunsStore()
    await runs.refreshHistory()
    expect((await runs.moveToTrash('r-new')).ok).toBe(true)
    expect(runs.history.map((h) => h.id)).not.toContain('r-new')
    expect(runs.trash.map((h) => h.id)).toEqual(['r-new'])
    expect(Number.isNaN(Date.parse(runs.trash[0].trashedAt ?? ''))).toBe(false)
    expect((await runs.restore('r-new')).ok).toBe(true)
    expect(runs.trash).toEqual([])
    expect(runs.history.map((h) => h.id)).toContain('r-new')
    expect(m.api['runs.list']).toHaveBeenLastCalledWith({})
  })

  it('leaves the lists alone when the engine refuses, keeping the error by run id', async () => {
    m.api['runs.trash'].mockResolvedValue({ ok: false, error: { code: 'io', message: message('harden.diskFull') } })
    const runs = useRunsStore()
    await runs.refreshHistory()
    expect((await runs.moveToTrash('r-old')).ok).toBe(false)
    expect(runs.history).toHaveLength(4)
    expect(runs.trash).toEqual([])
    expect(runs.problems['r-old']?.message).toEqual(message('harden.diskFull'))
  })

  it('records why a run could not be opened, and forgets it once the run opens', async () => {
    m.api['runs.get'].mockResolvedValueOnce({ ok: false, error: { code: 'unreadable-run', message: message('runs.manifestNotJson', { detail: 'line 1' }) } })
    m.api['runs.trajectories'].mockResolvedValue({ ok: true, value: trajectoriesFixture() })
    const runs = useRunsStore()
    expect(await runs.open('r-bad')).toBe(false)
    expect(runs.problems['r-bad']).toEqual({ code: 'unreadable-run', message: message('runs.manifestNotJson', { detail: 'line 1' }) })
    expect(runs.manifest).toBeNull()
    m.api['runs.get'].mockResolvedValueOnce({ ok: true, value: manifestFixture('r-bad') })
    expect(await runs.open('r-bad')).toBe(true)
    expect(runs.problems['r-bad']).toBeUndefined()
  })
})
