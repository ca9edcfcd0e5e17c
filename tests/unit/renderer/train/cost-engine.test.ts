// The wizard's parameter count against the engine's own model: TrainedModel.parameterCount for the
// same spec (field, one field per composed-DAE layer, classification head, ANODE dimensions).
import '@tensorflow/tfjs-backend-cpu'
import * as tf from '@tensorflow/tfjs-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseSpec } from '@shared/experiment'
import { SPEC_VERSION } from '@shared/limits'
import { buildTrainSpec, presetValues, taskDefaults, type TrainDraftValues, type TrainTask } from '@/components/train/trainSpec'
import { estimateTrainCost } from '@/components/train/trainCost'
import { initialTrainValues } from '@/stores/drafts/trainDraft'
import { engineModule } from './engine'

// the engine's own types stay out of the renderer's typecheck (tsconfig.web.json): only what is used here
interface ModelLike {
  parameterCount: number
  dispose(): void
}
let TrainedModel: new (meta: unknown, rng: unknown, init: string) => ModelLike
let createRng: (seed: number) => unknown

beforeAll(async () => {
  await tf.setBackend('cpu')
  ;({ TrainedModel } = await engineModule<{ TrainedModel: typeof TrainedModel }>('models/trained-model'))
  ;({ createRng } = await engineModule<{ createRng: typeof createRng }>('sampling/random'))
})

function engineCount(meta: Record<string, unknown>): number {
  const m = new TrainedModel(meta, createRng(1), 'glorot')
  try {
    return m.parameterCount
  } finally {
    m.dispose()
  }
}

function wizardCount(task: TrainTask, extra: Partial<TrainDraftValues>): number {
  const v = { ...initialTrainValues(), task, ...taskDefaults(task), ...presetValues('fast', task), ...extra }
  const r = parseSpec(buildTrainSpec(v, SPEC_VERSION))
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return estimateTrainCost(r.spec).parameters
}

describe('parameter count agrees with the engine', () => {
  it('classification on s-curve (3 classes), and on moons with one augmented dimension', () => {
    const field = { width: 24, hiddenLayers: 3, activation: 'tanh' as const }
    const base = { kind: 'neural-ode', task: 'classify', fields: 1, solver: 'rk4', depth: 1, stepSize: 0.25 } as const
    expect(wizardCount('classify', { dataset: 's-curve', ...field, augment: 0 })).toBe(
      engineCount({ ...base, dataDim: 3, augment: 0, field: { ...field, dim: 3 }, classes: ['a', 'b', 'c'] })
    )
    expect(wizardCount('classify', { dataset: 'moons', ...field, augment: 1 })).toBe(
      engineCount({ ...base, dataDim: 2, augment: 1, field: { ...field, dim: 3 }, classes: ['a', 'b'] })
    )
  })

  it('composed DAE with 5 layers on a 2-D distribution', () => {
    expect(wizardCount('trained-composed-dae', { distribution: 'paper-44', width: 8, hiddenLayers: 2, daeLayers: 5 })).toBe(
      engineCount({
        kind: 'trained-composed-dae',
        task: 'composed-dae',
        dataDim: 2,
        augment: 0,
        field: { dim: 2, width: 8, hiddenLayers: 2, activation: 'tanh' },
        fields: 5,
        t: 0.25,
        solver: 'euler',
        depth: 5,
        stepSize: 1
      })
    )
  })
})
