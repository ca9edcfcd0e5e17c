// The contract with the engine: a tiny real training run (moons, the wizard's own spec) through
// electron/engine/jobs/train-runner.ts; every epoch message it emits parses, and the parsed losses and
// NFE are the run report's curve (to the 4 significant digits the message carries).
import '@tensorflow/tfjs-backend-cpu'
import * as tf from '@tensorflow/tfjs-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { SPEC_VERSION } from '@shared/limits'
import type { RunManifest } from '@shared/run'
import { buildTrainSpec, presetValues, taskDefaults } from '@/components/train/trainSpec'
import { appendPoint, curveToPoints, parseProgress, type EpochPoint } from '@/components/train/progressParse'
import { initialTrainValues } from '@/stores/trainDraft'
import { engineModule } from './engine'

type Progress = (fraction: number, depth?: number, message?: string) => void
let createJobContext: (signal: AbortSignal, onProgress: Progress) => unknown
let runTrainedExperiment: (spec: unknown, o: { ctx: unknown; backend: string; appVersion: string }) => Promise<{ manifest: RunManifest }>

beforeAll(async () => {
  await tf.setBackend('cpu')
  ;({ createJobContext } = await engineModule<{ createJobContext: typeof createJobContext }>('jobs/context'))
  ;({ runTrainedExperiment } = await engineModule<{ runTrainedExperiment: typeof runTrainedExperiment }>('jobs/train-runner'))
})

describe('training progress messages from the engine', () => {
  it('parse into the same curve the run reports', async () => {
    const v = {
      ...initialTrainValues(),
      ...taskDefaults('classify'),
      ...presetValues('fast', 'classify'),
      points: 120,
      width: 4,
      epochs: 3,
      batchSize: 48,
      stepSize: 0.5,
      samples: 3,
      kinetic: 0.01,
      jacobian: 0.01
    }
    const messages: string[] = []
    const ctx = createJobContext(new AbortController().signal, (_f, _d, m) => {
      if (m) messages.push(m)
    })
    const content = await runTrainedExperiment(buildTrainSpec(v, SPEC_VERSION), { ctx, backend: 'cpu', appVersion: 'test' })
    let live: EpochPoint[] = []
    for (const m of messages) {
      const p = parseProgress(m)
      if (p) live = appendPoint(live, p)
    }
    const curve = curveToPoints(content.manifest.training?.curve)
    expect(curve).toHaveLength(3)
    expect(live.map((p) => p.epoch)).toEqual([1, 2, 3])
    // "epoch k/N": the UI's "epoch k of N" and its time estimate; held-out accuracy per epoch
    expect(live.map((p) => p.totalEpochs)).toEqual([3, 3, 3])
    live.forEach((p, i) => {
      expect(curve[i].accuracy).toBeGreaterThanOrEqual(0)
      expect(p.accuracy).toBeCloseTo(curve[i].accuracy!, 4)
    })
    live.forEach((p, i) => {
      expect(p.loss).toBeCloseTo(curve[i].loss, 3)
      expect(Math.abs(p.loss - curve[i].loss) / curve[i].loss).toBeLessThan(1e-3)
      expect(p.nfe).toBe(curve[i].nfe)
      for (const k of ['kinetic', 'jacobian'] as const) {
        expect(curve[i][k]).toBeDefined()
        expect(Math.abs(p[k]! - curve[i][k]!) / Math.abs(curve[i][k]!)).toBeLessThan(5e-3)
      }
      if (curve[i].validation !== undefined) expect(Math.abs(p.validation! - curve[i].validation!) / curve[i].validation!).toBeLessThan(1e-3)
    })
    expect(typeof content.manifest.training?.heldOut?.accuracy).toBe('number')
  })
})
