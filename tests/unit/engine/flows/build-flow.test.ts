// buildFlow: which flow each spec gets, the singular-time guard, and refusals with clear messages.
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { resolveDistribution } from '../../../../shared/experiment'
import { buildFlow } from '../../../../electron/engine/flows/build-flow'
import { englishLines } from '../../../../shared/messages/message'
import { EngineError } from '../../../../electron/engine/errors'
import { specOf } from './helpers'

beforeAll(async () => {
  await initBackend('wasm')
})

function thrown(f: () => unknown): EngineError {
  try {
    f()
  } catch (e) {
    if (e instanceof EngineError) return e
    throw e
  }
  throw new Error('expected an EngineError')
}

describe('buildFlow', () => {
  it('gives fields for continuous and empirical DAEs and maps for shallow and composed ones', () => {
    const d = resolveDistribution({ kind: 'preset', name: 'paper-47' })
    expect(buildFlow(specOf({ distribution: { kind: 'preset', name: 'paper-47' } }), d).type).toBe('field')
    expect(buildFlow(specOf({ flow: { kind: 'shallow-dae' } }), d).type).toBe('map')
    expect(buildFlow(specOf({ flow: { kind: 'composed-dae', layers: 3 } }), d).type).toBe('map')
    const emp = buildFlow(specOf({ flow: { kind: 'empirical-dae', bandwidth: 0.1, referenceSize: 5 } }), d)
    expect(emp.type).toBe('field')
    expect(englishLines(emp.notes)).toMatch(/Nadaraya-Watson/)
    expect(emp.gaussianCovarianceAt).toBeUndefined()
    // mixtures have no Gaussian pushforward
    expect(buildFlow(specOf({}), d).gaussianCovarianceAt).toBeUndefined()
  })

  it('refuses a depth at or past the singular time, naming t*', () => {
    // (47): t* = min(1, 1) / 2 = 0.5; parseSpec refuses this too, so bypass it to test the engine guard
    const spec = specOf({ distribution: { kind: 'preset', name: 'paper-47' } })
    const e = thrown(() => buildFlow({ ...spec, integration: { ...spec.integration, depth: 0.5 } }, resolveDistribution(spec.distribution)))
    expect(e.code).toBe('invalid-spec')
    expect(e.message).toMatch(/singular time t\* = 0\.5/)
  })

  it('the continuous field refuses to evaluate at t >= t*', () => {
    const spec = specOf({
      distribution: { kind: 'gaussian', mean: [0], covariance: [[0.8]] },
      integration: { solver: 'rk4', depth: 0.3, stepSize: 0.01, samples: 2 }
    })
    const flow = buildFlow(spec, resolveDistribution(spec.distribution))
    if (flow.type !== 'field') throw new Error('field expected')
    const x = tf.tensor2d([[1]])
    const before = tf.memory().numTensors
    const e = thrown(() => tf.tidy(() => flow.field.velocity(x, 0.4)))
    expect(e.code).toBe('invalid-spec')
    expect(e.message).toMatch(/t\* = 0\.4/)
    expect(tf.memory().numTensors).toBe(before)
    // just below t* it is finite and equals -x / (0.8 - 2t)
    const v = tf.tidy(() => flow.field.velocity(x, 0.39))
    expect(v.dataSync()[0]).toBeCloseTo(-1 / 0.02, 2)
    v.dispose()
    x.dispose()
  })

  it('refuses closed-form flows on sampled data', () => {
    const spec = specOf({ flow: { kind: 'empirical-dae', bandwidth: 0.1, referenceSize: 5 }, distribution: { kind: 'preset', name: 'swiss-roll-2d' } })
    const e = thrown(() => buildFlow({ ...spec, flow: { kind: 'shallow-dae' } }, resolveDistribution(spec.distribution)))
    expect(e.code).toBe('invalid-spec')
    expect(e.message).toMatch(/empirical-dae/)
  })
})
