// The training pace (epoch k of N, done out of all epochs by position, the engine's time left) against
// sums done by hand, from the numbers a progress event carries, and the report's settings
// rows: the data source it really read, by name, never the unused distribution, and no JSON.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseSpec, type ExperimentSpec } from '@shared/experiment'
import type { RunManifest } from '@shared/run'
import type { DatasetInfo } from '@shared/dataset'
import { createAppI18n } from '@/i18n'
import { pointOf } from '@/components/train/epochPoints'
import type { TrainingProgress } from '@shared/job-progress'
import { minutesSeconds, trainingPace } from '@/components/train/trainingPace'
import { reportSettings, trainingNumbers } from '@/components/report/reportSettings'
import { manifestFixture } from '../helpers'

const example = (name: string): ExperimentSpec => {
  const r = parseSpec(JSON.parse(readFileSync(resolve(__dirname, '../../../../examples', name), 'utf8')))
  if (!r.ok) throw new Error(name)
  return r.spec
}

describe('training pace', () => {
  const numbers = (p: Partial<TrainingProgress> & { epoch: number; epochs: number }): TrainingProgress => ({
    loss: 0.5,
    nfe: 64 * p.epoch,
    secondsPerEpoch: 0.4,
    elapsedSeconds: 0.4 * p.epoch,
    etaSeconds: 0,
    ...p
  })

  it("reads the epoch numbers and takes the engine's estimate of the time left", () => {
    const p1 = pointOf(numbers({ epoch: 1, epochs: 8, accuracy: 0.55, etaSeconds: 2.8 }))
    const p2 = pointOf(numbers({ epoch: 2, epochs: 8, accuracy: 0.8125, etaSeconds: 2.4 }))
    expect(p2).toMatchObject({ epoch: 2, totalEpochs: 8, accuracy: 0.8125 })
    const pace = trainingPace([p1, p2])!
    expect(pace).toMatchObject({ epoch: 2, epochs: 8, done: 2, total: 8, secondsLeft: 2.4 })
  })

  it('counts layers of a composed DAE as epochs still to come', () => {
    const p = pointOf(numbers({ layer: 2, layers: 4, epoch: 3, epochs: 5, etaSeconds: 24 }))
    expect(p).toMatchObject({ layer: 2, totalLayers: 4, epoch: 3, totalEpochs: 5 })
    // done: one full layer (5) + 3 = 8 of 20
    expect(trainingPace([p])).toMatchObject({ done: 8, total: 20, secondsLeft: 24 })
  })

  it("has no estimate for points without one (a run's saved curve), and rounds a long one to 5 s", () => {
    expect(trainingPace([{ epoch: 3, loss: 0.1, secondsPerEpoch: 1 }])!.secondsLeft).toBeUndefined()
    expect(minutesSeconds(12.2)).toEqual({ minutes: 0, seconds: 13 })
    expect(minutesSeconds(81)).toEqual({ minutes: 1, seconds: 25 })
  })
})

describe('report settings', () => {
  const i18n = createAppI18n('en')
  const t = (k: string, p?: Record<string, unknown>): string => i18n.global.t(k, p ?? {})
  const f = (v: number): string => String(v)
  const ds: DatasetInfo = {
    id: 'ds-1',
    name: 'Wine',
    fileName: 'wine.csv',
    format: 'csv',
    createdAt: '2026-01-01T00:00:00Z',
    n: 178,
    d: 2,
    featureNames: ['alcohol', 'hue'],
    labelName: 'class',
    classes: ['a', 'b']
  }

  it('names the built-in dataset a classifier read, not its unused distribution, in short rows', () => {
    const spec = example('neural-ode-moons.json')
    const rows = reportSettings({ ...manifestFixture(), spec } as RunManifest, [], t, f)
    expect(rows[0]).toEqual({ key: 'data', label: 'data', value: 'built-in dataset moons' })
    expect(rows.map((r) => r.key)).toEqual(['data', 'flow', 'model', 'training', 'trainingSolver', 'regularisers', 'heldOut', 'particles', 'integration'])
    expect(rows.find((r) => r.key === 'regularisers')!.value).toMatch(/^kinetic λK = [\d.e-]+, Jacobian λJ = [\d.e-]+, weight decay [\d.e-]+$/)
    for (const r of rows) {
      expect(r.value).not.toMatch(/[{}[\]]/)
      expect(r.value.length).toBeLessThan(120)
    }
  })

  it('names an imported dataset by its name and columns, and says when it is gone', () => {
    const spec = { ...example('neural-ode-moons.json') }
    if (spec.flow.kind !== 'neural-ode') throw new Error('example changed')
    const imported = { ...spec, flow: { ...spec.flow, data: { kind: 'dataset' as const, id: 'ds-1' } } }
    expect(reportSettings({ ...manifestFixture(), spec: imported } as RunManifest, [ds], t, f)[0].value).toBe('imported dataset "Wine" (alcohol, hue; id ds-1)')
    expect(reportSettings({ ...manifestFixture(), spec: imported } as RunManifest, [], t, f)[0].value).toBe(
      'imported dataset ds-1 (no longer in this workspace)'
    )
    const empirical = {
      ...manifestFixture().spec,
      distribution: { kind: 'dataset' as const, id: 'ds-1', columns: [1] },
      flow: { kind: 'empirical-dae' as const, bandwidth: 0.2, referenceSize: 50 }
    }
    const rows = reportSettings({ ...manifestFixture(), spec: empirical } as RunManifest, [ds], t, f)
    expect(rows[0].value).toBe('imported dataset "Wine" (hue; id ds-1)')
    expect(rows[1].value).toBe('empirical DAE, bandwidth 0.2, reference sample 50')
  })

  it('lists accuracy, the losses and each regulariser term of a trained run', () => {
    const training = {
      final: { trainLoss: 0.2, validationLoss: 0.25, kinetic: 0.5, jacobian: 1.5, weightNorm: 7 },
      heldOut: { accuracy: 0.875 },
      epochsRun: 8,
      nfe: { training: 512, evaluation: 20 }
    }
    const rows = trainingNumbers({ ...manifestFixture(), training } as unknown as RunManifest, t, f, (v) => `${v * 100}%`)
    expect(rows.map((r) => [r.key, r.value])).toEqual([
      ['accuracy', '87.5%'],
      ['trainLoss', '0.2'],
      ['validationLoss', '0.25'],
      ['kinetic', '0.5'],
      ['jacobian', '1.5'],
      ['weightNorm', '7'],
      ['epochs', '8'],
      ['nfeTraining', '512']
    ])
  })
})
