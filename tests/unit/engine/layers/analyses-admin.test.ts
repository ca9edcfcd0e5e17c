// Saved analyses managed like runs, through the engine service (contract parsing included) on a real
// temporary workspace: rename and tags in user.json with analysis.json byte-identical, the trash round
// trip (files moved, never deleted), refusals that leave everything in place, and ids that would reach
// outside the analyses folder.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EngineService } from '../../../../shared/contract'
import { saveAnalysis, type AnalysisContent } from '../../../../electron/engine/analysis-store/store'
import { analyzeLayers } from '../../../../electron/engine/layers/analyze'
import type { LayerData } from '../../../../electron/engine/layers/dumps'
import { fitLayerPca } from '../../../../electron/engine/layers/pca'
import { createEngineService } from '../../../../electron/engine/service'

function content(name: string): AnalysisContent {
  const x = Float64Array.from({ length: 20 * 2 }, (_, i) => Math.sin(i * 1.7))
  const layers: LayerData[] = [
    { name: 'input', n: 20, width: 2, data: x },
    { name: 'double', n: 20, width: 2, data: x.map((v) => 2 * v) }
  ]
  return {
    name,
    source: 'dumps',
    dataset: { kind: 'dumps', n: 20, d: 2 },
    options: { k: 3, seed: 1 },
    files: ['a.npy', 'b.npy'],
    report: analyzeLayers(layers, { k: 3, seed: 1 }),
    projection: fitLayerPca(layers, { seed: 1 })
  }
}

let ws: string
let service: EngineService
let A: string
let B: string
beforeEach(async () => {
  ws = await mkdtemp(join(tmpdir(), 'nagare-analyses-admin-'))
  A = await saveAnalysis(ws, content('line 3 reference'), {}, new Date('2026-11-27T10:00:00Z'))
  B = await saveAnalysis(ws, content('line 4 new month'), {}, new Date('2026-11-27T12:00:00Z'))
  service = await createEngineService({ workspace: ws, mode: 'in-process' })
})
afterEach(async () => {
  await service.dispose()
  await rm(ws, { recursive: true, force: true })
})

const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value
}
const folder = (...p: string[]): string => join(ws, 'analyses', ...p)

describe('rename and tag an analysis', () => {
  it('keeps name and tags in user.json, analysis.json byte-identical, and shows them in list and get', async () => {
    const record = await readFile(folder(A, 'analysis.json'))
    const s = value(await service.call('layers.update', { id: A, name: ' 基準 line 3 ', tags: ['ref', 'line-3', 'ref'] }))
    expect(s).toMatchObject({ id: A, name: '基準 line 3', tags: ['ref', 'line-3'], status: 'complete', layerCount: 2 })
    expect(await readFile(folder(A, 'analysis.json'))).toEqual(record)
    expect(JSON.parse(await readFile(folder(A, 'user.json'), 'utf8'))).toEqual({ name: '基準 line 3', tags: ['ref', 'line-3'] })
    // a tag-only change keeps the name; clearing the tags drops them from the summary
    value(await service.call('layers.update', { id: A, tags: [] }))
    const listed = value(await service.call('layers.list', {}))
    expect(listed.map((x) => x.id)).toEqual([B, A])
    expect(listed[1].name).toBe('基準 line 3')
    expect(listed[1].tags).toBeUndefined()
    expect(value(await service.call('layers.get', { id: A })).name).toBe('基準 line 3')
    // a hand-broken user.json is ignored: the record's own name comes back
    await writeFile(folder(A, 'user.json'), '{oops')
    expect(value(await service.call('layers.list', {}))[1]).toMatchObject({ id: A, name: 'line 3 reference', status: 'complete' })
  })

  it('refuses empty names, too many tags and unknown ids, changing nothing', async () => {
    const empty = await service.call('layers.update', { id: A, name: '   ' })
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    const many = await service.call('layers.update', { id: A, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })
    expect(many).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    const none = await service.call('layers.update', { id: '20261127-000000-none-0000', name: 'x' })
    expect(none).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await readdir(folder(A))).not.toContain('user.json')
    expect(await readdir(folder())).toEqual([A, B].sort())
  })
})

describe('trash and restore an analysis', () => {
  it('moves the folder to analyses/.trash and back, whole', async () => {
    const before = (await readdir(folder(A))).sort()
    expect(value(await service.call('layers.trash', { id: A }))).toEqual({ id: A })
    expect(value(await service.call('layers.list', {})).map((x) => x.id)).toEqual([B])
    expect(await service.call('layers.get', { id: A })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    const trash = value(await service.call('layers.list', { trash: true }))
    expect(trash).toHaveLength(1)
    expect(trash[0]).toMatchObject({ id: A, name: 'line 3 reference', status: 'complete' })
    expect(Date.parse(trash[0].trashedAt ?? '')).toBeGreaterThan(Date.parse('2026-01-01'))
    expect((await readdir(folder('.trash', A))).sort()).toEqual([...before, 'trashed.json'].sort())

    expect(value(await service.call('layers.restore', { id: A }))).toEqual({ id: A })
    expect((await readdir(folder(A))).sort()).toEqual(before)
    expect(value(await service.call('layers.list', { trash: true }))).toEqual([])
    expect(value(await service.call('layers.list', {})).map((x) => x.id)).toEqual([B, A])
    expect(value(await service.call('layers.get', { id: A })).report.rows).toHaveLength(2)
  })

  it('keeps the user name through the trash', async () => {
    value(await service.call('layers.update', { id: B, name: 'renamed', tags: ['x'] }))
    value(await service.call('layers.trash', { id: B }))
    expect(value(await service.call('layers.list', { trash: true }))[0]).toMatchObject({ id: B, name: 'renamed', tags: ['x'] })
  })

  it('refuses a restore onto a taken id and a trash onto a taken trash slot, moving nothing', async () => {
    value(await service.call('layers.trash', { id: A }))
    // an analysis with the same id appears again (e.g. copied back by hand)
    await mkdir(folder(A))
    await writeFile(folder(A, 'analysis.json'), await readFile(folder('.trash', A, 'analysis.json')))
    expect(await service.call('layers.restore', { id: A })).toMatchObject({
      ok: false,
      error: { code: 'busy', message: { key: 'anagui.restoreAnalysisTaken' } }
    })
    expect(await readdir(folder('.trash'))).toEqual([A])
    expect(await service.call('layers.trash', { id: A })).toMatchObject({ ok: false, error: { code: 'busy' } })
    expect(await readdir(folder(A))).toEqual(['analysis.json'])
    expect(await service.call('layers.restore', { id: B })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: { key: 'anagui.noAnalysisInTrash' } }
    })
    expect(await service.call('layers.trash', { id: '20261127-000000-none-0000' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})

describe('path safety', () => {
  it('refuses ids that would leave the analyses folder, at the contract and in the store', async () => {
    // a folder outside analyses/ that a traversal would reach
    await mkdir(join(ws, 'runs', 'victim'), { recursive: true })
    for (const id of ['../runs/victim', '..', '.trash', 'a/b', '/etc', 'x\\..\\y']) {
      for (const m of ['layers.update', 'layers.trash', 'layers.restore'] as const) {
        const r = await service.call(m, m === 'layers.update' ? { id, name: 'x' } : { id })
        expect(r, `${m} ${id}`).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
      }
    }
    const { trashAnalysis, updateAnalysis } = await import('../../../../electron/engine/analysis-store/admin')
    await expect(updateAnalysis(ws, '../runs/victim', { name: 'x' })).rejects.toMatchObject({ code: 'invalid-request' })
    await expect(trashAnalysis(ws, '..')).rejects.toMatchObject({ code: 'invalid-request' })
    expect(await readdir(join(ws, 'runs', 'victim'))).toEqual([])
    expect(await readdir(folder())).toEqual([A, B].sort())
  })
})
