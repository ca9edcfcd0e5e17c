// An imported dataset as a run's data (distribution {"kind":"dataset","id","columns"}): the empirical DAE
// on its rows must be the very run one gets by handing the same rows over as explicit points (the empirical
// DAE's score comes from the moving cloud alone, so the distribution of a points run plays no part); a
// subsample is distinct rows in file order; the spec and the engine refuse what cannot work, by field.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseSpec } from '../../../../shared/experiment'
import { initBackend } from '../../../../electron/engine/backend'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { runExperiment } from '../../../../electron/engine/jobs/runner'
import { saveDataset } from '../../../../electron/engine/datasets/store'
import { EngineError } from '../../../../electron/engine/errors'
import { english, message, stored, storedEnglish } from '../../../../shared/messages'

const ctx = () => createJobContext(new AbortController().signal)
let backend: string
let ws: string
let id: string
// 12 rows of (a, b, c) with a label; c is far from a and b so a wrong column shows
const ROWS = Array.from({ length: 12 }, (_, i) => [Math.cos(i) * 1.5, Math.sin(i * 0.7), 100 + i])
const LABELS = ROWS.map((_, i) => i % 3)

beforeAll(async () => {
  backend = await initBackend('cpu')
  ws = await mkdtemp(join(tmpdir(), 'nagare-dsrc-'))
  const info = await saveDataset(ws, {
    name: 'Twelve rows',
    fileName: 'rows.csv',
    format: 'csv',
    original: new Uint8Array([1]),
    points: Float64Array.from(ROWS.flat()),
    n: 12,
    d: 3,
    featureNames: ['a', 'b', 'c'],
    labels: Int32Array.from(LABELS),
    labelName: 'kind',
    classes: ['x', 'y', 'z']
  })
  id = info.id
})
afterAll(() => rm(ws, { recursive: true, force: true }))

const integration = { solver: 'rk4', depth: 0.2, stepSize: 0.05, samples: 3 }
const empirical = { kind: 'empirical-dae', bandwidth: 0.3, referenceSize: 6 }
const fromDataset = (count: number, columns = [0, 1], extra: Record<string, unknown> = {}) => ({
  version: 1,
  name: 'from data',
  seed: 5,
  distribution: { kind: 'dataset', id, columns },
  particles: { kind: 'sample', count },
  flow: empirical,
  integration,
  ...extra
})

describe('an imported dataset as the empirical DAE data', () => {
  it('transports its rows exactly as the same rows given as points', async () => {
    const a = await runExperiment(fromDataset(12), { ctx: ctx(), backend, workspace: ws })
    const points = ROWS.map((r) => [r[0], r[1]])
    const b = await runExperiment(
      {
        version: 1,
        name: 'points',
        seed: 5,
        distribution: { kind: 'preset', name: 'paper-44' },
        particles: { kind: 'points', points },
        flow: empirical,
        integration
      },
      { ctx: ctx(), backend }
    )
    expect(Array.from(a.trajectories)).toEqual(Array.from(b.trajectories))
    expect(Array.from(a.trajectories.subarray(0, 24))).toEqual(Array.from(Float32Array.from(points.flat())))
    // coloured by the dataset's classes, and the note names the data
    expect(a.manifest.labels).toBe('class')
    expect(Array.from(a.labels!)).toEqual(LABELS)
    expect(a.manifest.notes[0]).toEqual(stored(message('trainui.noteDatasetParticles', { count: 12, rows: 12, name: 'Twelve rows', columns: 'a, b' })))
    expect(storedEnglish(a.manifest.notes[0])).toBe('Particles: 12 of the 12 rows of dataset "Twelve rows" (columns a, b)')
  })

  it('draws a subsample of distinct rows in file order, in the chosen columns', async () => {
    const r = await runExperiment(fromDataset(7, [2, 0]), { ctx: ctx(), backend, workspace: ws })
    const first = Array.from(r.trajectories.subarray(0, 14))
    const picked = Array.from({ length: 7 }, (_, k) => first[2 * k] - 100)
    expect(picked.every((i) => Number.isInteger(i) && i >= 0 && i < 12)).toBe(true)
    expect([...picked].sort((x, y) => x - y)).toEqual(picked)
    expect(new Set(picked).size).toBe(7)
    picked.forEach((row, k) => {
      expect(first[2 * k + 1]).toBeCloseTo(ROWS[row][0], 6)
      expect(r.labels![k]).toBe(LABELS[row])
    })
  })

  it('refuses by field what cannot work', async () => {
    const fields = (spec: unknown): string[] => {
      const r = parseSpec(spec)
      return r.ok ? [] : r.errors.map((e) => e.field)
    }
    expect(fields(fromDataset(12))).toEqual([])
    expect(fields(fromDataset(12, [0, 0]))).toEqual(['distribution.columns'])
    expect(fields(fromDataset(12, [0, 1, 2, 0]))).toContain('distribution.columns')
    expect(fields(fromDataset(12, [0, 1], { particles: { kind: 'grid', counts: 3 } }))).toEqual(['particles.kind'])
    // the closed-form DAEs fit a mixture to the rows (the continuous DAE's t* is checked by the engine)
    expect(fields(fromDataset(12, [0, 1], { flow: { kind: 'continuous-dae' } }))).toEqual([])
    expect(fields(fromDataset(12, [0, 1], { flow: { kind: 'shallow-dae' } }))).toEqual([])
    expect(fields(fromDataset(12, [0, 1], { flow: { kind: 'composed-dae', layers: 2 } }))).toEqual([])
    // K belongs to the closed forms' fit alone (not to the empirical DAE), and is a whole number of at least 1
    expect(fields({ ...fromDataset(12), distribution: { kind: 'dataset', id, columns: [0], components: 2 } })).toEqual(['distribution.components'])
    expect(fields({ ...fromDataset(12), flow: { kind: 'shallow-dae' }, distribution: { kind: 'dataset', id, columns: [0], components: 2 } })).toEqual([])
    const continuousK = (k: unknown) =>
      fields({ ...fromDataset(12), flow: { kind: 'continuous-dae' }, distribution: { kind: 'dataset', id, columns: [0], components: k } })
    expect(continuousK(2)).toEqual([])
    expect(continuousK(0)).toEqual(['distribution.components'])
    expect(continuousK(1.5)).toEqual(['distribution.components'])
    // the trained DAEs learn from the rows; the neural ODE tasks still sample a distribution
    const trainedInt = { integration: { solver: 'euler', depth: 0.2, stepSize: 0.2, samples: 2 } }
    expect(fields(fromDataset(12, [0, 1], { flow: { kind: 'trained-dae', t: 0.2, training: { batchSize: 8, samples: 16 } }, ...trainedInt }))).toEqual([])
    expect(fields(fromDataset(12, [0, 1], { flow: { kind: 'neural-ode', task: 'transport' }, ...trainedInt }))).toContain('distribution.kind')
    // the field errors as the CLI prints them: the field, then the English of its Message
    const refused = async (spec: unknown, workspace?: string): Promise<string[]> => {
      try {
        await runExperiment(spec, { ctx: ctx(), backend, ...(workspace ? { workspace } : {}) })
      } catch (e) {
        expect(e).toBeInstanceOf(EngineError)
        expect((e as EngineError).code).toBe('invalid-spec')
        return (e as EngineError).fields!.map((f) => `${f.field}: ${english(f.message)}`)
      }
      throw new Error('not refused')
    }
    expect(await refused(fromDataset(13), ws)).toEqual([`particles.count: dataset ${id} has 12 rows, fewer than the 13 particles asked for`])
    expect(await refused(fromDataset(12, [0, 3]), ws)).toEqual([
      `distribution.columns: column 3 is outside dataset ${id}, which has 3 feature columns (0 to 2)`
    ])
    expect((await refused({ ...fromDataset(12), distribution: { kind: 'dataset', id: 'no-such-1', columns: [0] } }, ws))[0]).toMatch(
      /^distribution\.id: no dataset no-such-1/
    )
    expect((await refused(fromDataset(12)))[0]).toMatch(/^distribution\.id: imported datasets need a workspace/)
  })
})
