// The trained-flow part of the experiment spec: defaults filled in, and every refusal names its field.
import { describe, expect, it } from 'vitest'
import { isTrainedKind, parseSpec, type FieldError } from '../../../../shared/experiment'

const base = {
  version: 1,
  name: 'trained',
  seed: 1,
  distribution: { kind: 'preset', name: 'normal-1d' },
  particles: { kind: 'sample', count: 100 },
  integration: { solver: 'euler', depth: 0.5, stepSize: 0.5, samples: 3 }
}
const moons = {
  ...base,
  distribution: { kind: 'preset', name: 'paper-44' },
  flow: { kind: 'neural-ode', task: 'classify', data: { kind: 'builtin', name: 'moons' } },
  integration: { solver: 'rk4', depth: 1, stepSize: 0.1, samples: 3 }
}

function errors(spec: unknown): FieldError[] {
  const r = parseSpec(spec)
  return r.ok ? [] : r.errors
}
const fields = (spec: unknown): string[] => errors(spec).map((e) => e.field)

describe('trained flow spec', () => {
  it('fills the model and training defaults', () => {
    const r = parseSpec({ ...base, flow: { kind: 'trained-dae', t: 0.5 } })
    expect(r.ok).toBe(true)
    if (!r.ok || r.spec.flow.kind !== 'trained-dae') return
    expect(r.spec.flow.model).toEqual({ width: 32, hiddenLayers: 2, activation: 'tanh', init: 'glorot', augment: 0 })
    expect(r.spec.flow.training).toMatchObject({
      epochs: 20,
      batchSize: 256,
      learningRate: 0.01,
      optimizer: 'adam',
      gradient: 'backprop',
      solver: 'rk4',
      depth: 1,
      stepSize: 0.1,
      weightDecay: 0,
      kinetic: 0,
      jacobian: 0,
      validationFraction: 0.2,
      samples: 4096
    })
    expect(r.spec.flow.training.seed).toBeUndefined()
    expect(isTrainedKind(r.spec.flow.kind)).toBe(true)
  })

  it('accepts a composed DAE, a classification and a transport flow with early stopping', () => {
    expect(errors({ ...base, flow: { kind: 'trained-composed-dae', t: 0.5, layers: 4, training: { epochs: 3 } } })).toEqual([])
    expect(errors(moons)).toEqual([])
    expect(errors({ ...base, flow: { kind: 'neural-ode', task: 'density' } })).toEqual([])
    expect(errors({ ...moons, flow: { ...moons.flow, training: { gradient: 'adjoint' } } })).toEqual([])
    expect(errors({ ...moons, flow: { ...moons.flow, training: { gradient: 'adjoint', kinetic: 0.1 } } })).toEqual([])
    expect(errors({ ...moons, flow: { ...moons.flow, training: { gradient: 'adjoint', jacobian: 0.01 } } })).toEqual([])
    expect(errors({ ...base, flow: { kind: 'neural-ode', task: 'density', training: { gradient: 'adjoint', kinetic: 0.1, jacobian: 0.01 } } })).toEqual([])
    expect(errors({ ...base, flow: { kind: 'neural-ode', task: 'density', training: { jacobian: 0.01 } } })).toEqual([])
    expect(fields({ ...base, flow: { kind: 'neural-ode', task: 'transport', training: { gradient: 'adjoint' } } })).toEqual(['flow.training.gradient'])
    expect(fields({ ...base, flow: { kind: 'trained-dae', t: 0.5, training: { gradient: 'adjoint' } } })).toEqual(['flow.training.gradient'])
    expect(errors({ ...moons, flow: { ...moons.flow, training: { jacobian: 0.01 } } })).toEqual([])
    expect(
      errors({ ...base, flow: { kind: 'neural-ode', task: 'transport', training: { depth: 0.2, stepSize: 0.05, earlyStopping: { patience: 2 } } } })
    ).toEqual([])
  })

  it('refuses with the field named', () => {
    expect(fields({ ...base, flow: { kind: 'trained-dae', t: 0.4 } })).toEqual(['integration.depth'])
    expect(fields({ ...base, flow: { kind: 'trained-dae', t: 0.5, model: { width: 0 } } })).toEqual(['flow.model.width'])
    expect(fields({ ...base, flow: { kind: 'trained-dae', t: 0.5, model: { depth: 3 } } })).toEqual(['flow.model'])
    expect(fields({ ...base, flow: { kind: 'trained-dae', t: 0.5, model: { augment: 1 } } })).toEqual(['flow.model.augment'])
    expect(fields({ ...base, flow: { kind: 'trained-dae', t: 0.5, training: { optimizer: 'rmsprop' } } })).toEqual(['flow.training.optimizer'])
    expect(fields({ ...base, flow: { kind: 'trained-dae', t: 0.5, training: { jacobian: 0.1 } } })).toEqual(['flow.training.jacobian'])
    expect(fields({ ...moons, flow: { ...moons.flow, data: undefined } })).toEqual(['flow.data'])
    expect(fields({ ...moons, flow: { ...moons.flow, data: { kind: 'builtin', name: 'mnist' } } })).toEqual(['flow.data.name'])
    expect(fields({ ...moons, flow: { ...moons.flow, model: { augment: 2 } } })).toEqual(['flow.model.augment'])
    expect(fields({ ...moons, flow: { ...moons.flow, training: { depth: 1, stepSize: 0.3 } } })).toEqual(['flow.training.stepSize'])
    expect(fields({ ...moons, particles: { kind: 'grid', counts: 5 } })).toEqual(['particles.kind'])
    expect(fields({ ...base, flow: { kind: 'neural-ode', task: 'transport', training: { jacobian: 0.1 } } })).toEqual(['flow.training.jacobian'])
    expect(fields({ ...base, flow: { kind: 'neural-ode', task: 'transport', data: { kind: 'builtin', name: 'moons' } } })).toEqual(['flow.data'])
  })

  it('closed-form specs are unchanged', () => {
    expect(errors({ ...base, flow: { kind: 'shallow-dae' } })).toEqual([])
    expect(fields({ ...base, flow: { kind: 'composed-dae' } })).toEqual(['flow.layers'])
    // a closed form still needs a Gaussian or mixture; trained flows also accept sampled data
    const roll = { ...base, distribution: { kind: 'preset', name: 'swiss-roll-2d' } }
    expect(fields({ ...roll, flow: { kind: 'shallow-dae' } })).toEqual(['flow.kind'])
    expect(errors({ ...roll, flow: { kind: 'trained-dae', t: 0.5 } })).toEqual([])
  })
})
