// The training wizard's draft -> spec mapping: every task builds a spec parseSpec accepts (both presets),
// the repository's example specs load into the draft and build back the same spec, errors map to the
// step that shows the field, T / h in layers, and the cost against hand-computed parameter counts.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseSpec, type ExperimentSpec } from '@shared/experiment'
import { SPEC_VERSION } from '@shared/limits'
import {
  buildTrainSpec,
  layerCount,
  presetValues,
  stepOfField,
  taskDefaults,
  TRAIN_TASKS,
  type TrainDraftValues,
  type TrainTask
} from '@/components/train/trainSpec'
import { estimateTrainCost, fieldParameters } from '@/components/train/trainCost'
import { initialTrainValues, valuesFromSpec } from '@/stores/drafts/trainDraft'

function draftFor(task: TrainTask, preset: 'fast' | 'accurate', extra: Partial<TrainDraftValues> = {}): TrainDraftValues {
  return { ...initialTrainValues(), task, ...taskDefaults(task), ...presetValues(preset, task), ...extra }
}
const parsed = (v: TrainDraftValues): ExperimentSpec => {
  const r = parseSpec(buildTrainSpec(v, SPEC_VERSION))
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.spec
}
const example = (name: string): ExperimentSpec => {
  const r = parseSpec(JSON.parse(readFileSync(resolve(__dirname, '../../../../examples', name), 'utf8')))
  if (!r.ok) throw new Error(`example ${name} invalid`)
  return r.spec
}

describe('buildTrainSpec', () => {
  for (const task of TRAIN_TASKS) {
    for (const preset of ['fast', 'accurate'] as const) {
      it(`builds a valid spec for ${task} with the ${preset} preset`, () => {
        const spec = parsed(draftFor(task, preset))
        const flow = spec.flow
        if (task === 'classify' || task === 'transport' || task === 'density') {
          expect(flow.kind).toBe('neural-ode')
          if (flow.kind === 'neural-ode') expect(flow.task).toBe(task)
        } else {
          expect(flow.kind).toBe(task)
          // a DAE's depth is its noise t
          if (flow.kind === 'trained-dae' || flow.kind === 'trained-composed-dae') expect(spec.integration.depth).toBe(flow.t)
        }
        if (flow.kind !== 'continuous-dae' && 'training' in flow) expect(flow.training.epochs).toBe(presetValues(preset, task).epochs)
      })
    }
  }

  it('classification names the dataset, samples its points and picks a distribution of its dimension', () => {
    const spec = parsed(draftFor('classify', 'fast', { dataset: 'helix-pair', points: 800 }))
    expect(spec.flow).toMatchObject({ kind: 'neural-ode', task: 'classify', data: { kind: 'builtin', name: 'helix-pair' } })
    expect(spec.particles).toEqual({ kind: 'sample', count: 800 })
    expect(spec.distribution).toEqual({ kind: 'preset', name: 'gaussian-3d' })
  })

  it('classification of an imported dataset names it by id and loads back', () => {
    const spec = parsed(draftFor('classify', 'fast', { dataSource: 'dataset', datasetId: 'iris-3d', datasetDim: 3, datasetClasses: 3 }))
    expect(spec.flow).toMatchObject({ kind: 'neural-ode', task: 'classify', data: { kind: 'dataset', id: 'iris-3d' } })
    expect(spec.distribution).toEqual({ kind: 'preset', name: 'gaussian-3d' })
    const v = valuesFromSpec(spec, initialTrainValues())!
    expect([v.dataSource, v.datasetId]).toEqual(['dataset', 'iris-3d'])
    // the head has one output per class of the listing: D = 3, 3 classes
    expect(estimateTrainCost(spec, { d: 3, classes: 3 }).parameters).toBe(fieldParameters(3, 16, 2) + 12)
  })

  it('the composed DAE carries t and L; the evaluation solver is not offered for DAE maps', () => {
    const spec = parsed(draftFor('trained-composed-dae', 'fast', { noise: 0.3, daeLayers: 6 }))
    expect(spec.flow).toMatchObject({ kind: 'trained-composed-dae', t: 0.3, layers: 6 })
    expect(spec.integration).toMatchObject({ solver: 'euler', depth: 0.3, stepSize: 0.3 })
  })

  it('leaves an emptied field null so parseSpec names it', () => {
    const r = parseSpec(buildTrainSpec(draftFor('classify', 'fast', { width: null }), SPEC_VERSION))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.map((e) => e.field)).toEqual(['flow.model.width'])
  })

  it('a Jacobian term outside classification and density is refused at its field', () => {
    const r = parseSpec(buildTrainSpec(draftFor('transport', 'fast', { jacobian: 0.1 }), SPEC_VERSION))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.map((e) => e.field)).toEqual(['flow.training.jacobian'])
    expect(parseSpec(buildTrainSpec(draftFor('classify', 'fast', { jacobian: 0.1 }), SPEC_VERSION)).ok).toBe(true)
    expect(parseSpec(buildTrainSpec(draftFor('density', 'fast', { jacobian: 0.1 }), SPEC_VERSION)).ok).toBe(true)
  })

  it('the adjoint method is written only when chosen, accepted for classification and density, refused elsewhere', () => {
    expect(buildTrainSpec(draftFor('density', 'fast'), SPEC_VERSION)).not.toHaveProperty('flow.training.gradient')
    for (const task of ['classify', 'density'] as const) {
      const spec = parsed(draftFor(task, 'fast', { gradient: 'adjoint', jacobian: 0.05 }))
      expect(spec.flow.kind === 'neural-ode' && spec.flow.training.gradient).toBe('adjoint')
      // and it loads back into the draft
      expect(valuesFromSpec(spec, initialTrainValues())?.gradient).toBe('adjoint')
    }
    const r = parseSpec(buildTrainSpec(draftFor('transport', 'fast', { gradient: 'adjoint' }), SPEC_VERSION))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.map((e) => e.field)).toEqual(['flow.training.gradient'])
  })

  it('loads the example specs into the draft and builds the same spec back', () => {
    for (const name of ['neural-ode-moons.json', 'neural-ode-transport.json', 'trained-dae.json', 'trained-composed-dae.json']) {
      const spec = example(name)
      const v = valuesFromSpec(spec, initialTrainValues())
      expect(v).not.toBeNull()
      const back = parsed(v!)
      expect(back.flow).toEqual(spec.flow)
      expect(back.particles).toEqual(spec.particles)
      expect(back.seed).toBe(spec.seed)
      expect(back.integration.depth).toBe(spec.integration.depth)
      expect(back.integration.samples).toBe(spec.integration.samples)
      if (spec.flow.kind === 'neural-ode') expect(back.integration).toEqual(spec.integration)
    }
  })

  it('refuses to load a closed-form spec into the training draft', () => {
    expect(valuesFromSpec(example('paper-47.json'), initialTrainValues())).toBeNull()
  })
})

describe('stepOfField', () => {
  it('maps each spec field to the step that shows it', () => {
    expect(stepOfField('flow.task')).toBe('task')
    expect(stepOfField('flow.data')).toBe('task')
    expect(stepOfField('flow.t')).toBe('task')
    expect(stepOfField('particles.count')).toBe('task')
    expect(stepOfField('flow.model.width')).toBe('field')
    expect(stepOfField('flow.model.augment')).toBe('field')
    expect(stepOfField('flow.training.stepSize')).toBe('depth')
    expect(stepOfField('integration.samples')).toBe('depth')
    expect(stepOfField('flow.training.kinetic')).toBe('regularisation')
    expect(stepOfField('flow.training.jacobian')).toBe('regularisation')
    expect(stepOfField('flow.training.epochs')).toBe('training')
    expect(stepOfField('flow.training.earlyStopping.patience')).toBe('training')
    expect(stepOfField('seed')).toBe('training')
    expect(stepOfField('name')).toBe('training')
  })
})

describe('layerCount', () => {
  it('is T / h when whole, else null', () => {
    expect(layerCount(1, 0.1)).toBe(10)
    expect(layerCount(1, 0.25)).toBe(4)
    expect(layerCount(0.25, 0.05)).toBe(5)
    expect(layerCount(1, 0.3)).toBeNull()
    expect(layerCount(null, 0.1)).toBeNull()
    expect(layerCount(1, 0)).toBeNull()
  })
})

describe('presets', () => {
  it('fast preview is smaller and coarser than accurate for every task', () => {
    for (const task of TRAIN_TASKS) {
      const f = presetValues('fast', task)
      const a = presetValues('accurate', task)
      expect(f.width!).toBeLessThan(a.width!)
      expect(f.epochs!).toBeLessThan(a.epochs!)
      expect(f.stepSize!).toBeGreaterThan(a.stepSize!)
      expect(a.earlyStopping).toBe(true)
      expect(a.evalSolver).toBe('dopri5')
    }
  })
})

describe('estimateTrainCost', () => {
  it('counts parameters and training evaluations (moons, fast preview), by hand', () => {
    // field on D = 2: first layer (2 + 1) x 16 + 16, hidden 16 x 16 + 16, output 16 x 2 + 2 = 370; head 2 x 2 + 2
    expect(fieldParameters(2, 16, 2)).toBe(370)
    const c = estimateTrainCost(parsed(draftFor('classify', 'fast')))
    expect(c.parameters).toBe(376)
    // 500 points, 20 % held out: 400 rows in batches of 100 = 4; T / h = 1 / 0.25 = 4 rk4 steps of 4 stages; 8 epochs
    expect(c.batchesPerEpoch).toBe(4)
    expect(c.steps).toBe(4)
    expect(c.stages).toBe(4)
    expect(c.trainingEvaluations).toBe(8 * 4 * 4 * 4)
    // 11 recorded depths x 500 points x 2 coordinates x 4 bytes
    expect(c.trajectoryBytes).toBe(11 * 500 * 2 * 4)
    expect(c.evaluationSteps).toBe(20)
  })

  it('a composed DAE trains one field per layer', () => {
    const c = estimateTrainCost(parsed(draftFor('trained-composed-dae', 'fast', { width: 16, hiddenLayers: 1, daeLayers: 4 })))
    // D = 1: (1 + 1) x 16 + 16 + 16 x 1 + 1 = 65 per layer
    expect(c.parameters).toBe(4 * 65)
    // 4096 samples, 20 % held out: 3277 rows in batches of 512 = 7; 5 epochs; 4 layers
    expect(c.trainingEvaluations).toBe(5 * 7 * 4)
  })

  it('ANODE dimensions widen the field and the head', () => {
    const c = estimateTrainCost(parsed(draftFor('classify', 'fast', { augment: 1 })))
    expect(c.parameters).toBe(fieldParameters(3, 16, 2) + 3 * 2 + 2)
  })
})
