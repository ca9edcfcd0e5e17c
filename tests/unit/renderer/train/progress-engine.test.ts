// The contract with the engine: a tiny real training run (moons, the wizard's own spec) through
// electron/engine/jobs/trained/runner.ts; the epoch numbers its progress events carry, folded into the
// live curve, are exactly the run report's curve, and the phase is a Message saying epoch k of N.
import '@tensorflow/tfjs-backend-cpu'
import * as tf from '@tensorflow/tfjs-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { SPEC_VERSION } from '@shared/limits'
import type { RunManifest } from '@shared/run'
import { buildTrainSpec, presetValues, taskDefaults } from '@/components/train/trainSpec'
import { appendPoint, curveToPoints, pointOf, type EpochPoint } from '@/components/train/epochPoints'
import type { Message } from '@shared/messages'
import type { TrainingProgress } from '@shared/job-progress'
import { initialTrainValues } from '@/stores/drafts/trainDraft'
import { engineModule } from './engine'

type Progress = (fraction: number, depth?: number, message?: Message, training?: TrainingProgress) => void
let createJobContext: (signal: AbortSignal, onProgress: Progress) => unknown
let runTrainedExperiment: (spec: unknown, o: { ctx: unknown; backend: string; appVersion: string }) => Promise<{ manifest: RunManifest }>

beforeAll(async () => {
  await tf.setBackend('cpu')
  ;({ createJobContext } = await engineModule<{ createJobContext: typeof createJobContext }>('jobs/context'))
  ;({ runTrainedExperiment } = await engineModule<{ runTrainedExperiment: typeof runTrainedExperiment }>('jobs/trained/runner'))
})

describe('training progress events from the engine', () => {
  it('carry the numbers of the curve the run reports', async () => {
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
    const events: { message?: Message; training?: TrainingProgress }[] = []
    const ctx = createJobContext(new AbortController().signal, (_f, _d, message, training) => events.push({ message, training }))
    const content = await runTrainedExperiment(buildTrainSpec(v, SPEC_VERSION), { ctx, backend: 'cpu', appVersion: 'test' })
    let live: EpochPoint[] = []
    for (const e of events) if (e.training) live = appendPoint(live, pointOf(e.training))
    // the phase beside the numbers says which epoch, as a Message (no English to read back)
    const withNumbers = events.filter((e) => e.training)
    for (const e of withNumbers) expect(e.message).toEqual({ key: 'notemsg.progressEpoch', params: { epoch: e.training!.epoch, epochs: 3 } })
    const curve = curveToPoints(content.manifest.training?.curve)
    expect(curve).toHaveLength(3)
    expect(live.map((p) => p.epoch)).toEqual([1, 2, 3])
    // "epoch k/N": the UI's "epoch k of N" and its time estimate; held-out accuracy per epoch
    expect(live.map((p) => p.totalEpochs)).toEqual([3, 3, 3])
    curve.forEach((c) => expect(c.accuracy).toBeGreaterThanOrEqual(0))
    // numbers, not words: the very values the run's curve records, no rounding in between
    live.forEach((p, i) => {
      expect(p.loss).toBe(curve[i].loss)
      expect(p.accuracy).toBe(curve[i].accuracy)
      expect(p.nfe).toBe(curve[i].nfe)
      expect(p.secondsPerEpoch).toBe(curve[i].secondsPerEpoch)
      for (const k of ['kinetic', 'jacobian'] as const) {
        expect(curve[i][k]).toBeDefined()
        expect(p[k]).toBe(curve[i][k])
      }
      expect(p.validation).toBe(curve[i].validation)
    })
    // the time left after the last epoch is none; before it, positive
    expect(live[2].etaSeconds).toBe(0)
    expect(live[0].etaSeconds).toBeGreaterThan(0)
    expect(typeof content.manifest.training?.heldOut?.accuracy).toBe('number')
  })
})
