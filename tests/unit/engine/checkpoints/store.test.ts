// The checkpoint key (canonical spec hash without the name), the file codec (exact round trip, damage
// detected) and the optimizer state: a restored Adam continues with the same bits as the original.
import { beforeAll, describe, expect, it } from 'vitest'
import { parseSpec, type ExperimentSpec } from '../../../../shared/experiment'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { decodeCheckpoint, encodeCheckpoint } from '../../../../electron/engine/checkpoints/codec'
import { specKey } from '../../../../electron/engine/checkpoints/store'
import { optimizerState, restoreOptimizer, type TrainingCheckpoint } from '../../../../electron/engine/training/resume'

let baseline = 0
beforeAll(async () => {
  await initBackend('wasm')
  baseline = tf.memory().numTensors
})

const spec = (extra: Record<string, unknown> = {}): ExperimentSpec => {
  const r = parseSpec({
    version: 1,
    name: 'a',
    seed: 1,
    distribution: { kind: 'preset', name: 'normal-1d' },
    particles: { kind: 'sample', count: 100 },
    flow: { kind: 'trained-dae', t: 0.5 },
    integration: { solver: 'euler', depth: 0.5, stepSize: 0.5, samples: 2 },
    ...extra
  })
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.spec
}

describe('specKey', () => {
  it('is a sha256 hex of the spec without its name, independent of key order; the seed changes it', () => {
    const k = specKey(spec())
    expect(k).toMatch(/^[0-9a-f]{64}$/)
    expect(specKey(spec({ name: 'renamed' }))).toBe(k)
    const reordered = Object.fromEntries(Object.entries(spec()).reverse()) as ExperimentSpec
    expect(specKey(reordered)).toBe(k)
    expect(specKey(spec({ seed: 2 }))).not.toBe(k)
  })
})

const sample: TrainingCheckpoint = {
  stage: 1,
  loop: {
    epochsDone: 2,
    curve: [{ epoch: 0, layer: 1, trainLoss: 0.1 + 1e-17, validationLoss: 1 / 3, kinetic: null, nfe: 4, seconds: 0.5 }],
    nfe: 8,
    best: 1 / 3,
    since: 0,
    bestWeights: [Float32Array.of(1.5, -2e-30)],
    done: false,
    stoppedEarly: false
  },
  priorCurve: [],
  priorNfe: 3,
  priorStoppedEarly: false,
  weights: [Float32Array.of(Math.PI, -0, 1e-40), new Float32Array(0)],
  optimizer: { iterations: 7, accBeta: [0.9 ** 8, 0.999 ** 8], slots: [{ shape: [3], values: Float32Array.of(1, 2, 3) }] },
  arrays: [Float32Array.of(0.25)]
}

describe('checkpoint codec', () => {
  it('round-trips every number and float32 bit pattern exactly', () => {
    const back = decodeCheckpoint(encodeCheckpoint('k', sample), 'k')
    expect(back.loop.curve).toEqual(sample.loop.curve)
    expect(back.loop.best).toBe(1 / 3)
    expect(Array.from(new Uint32Array(back.weights[0].buffer))).toEqual(Array.from(new Uint32Array(sample.weights[0].buffer)))
    expect(back.weights[1].length).toBe(0)
    expect(back.optimizer).toEqual(sample.optimizer)
    expect(Array.from(back.loop.bestWeights![0])).toEqual(Array.from(sample.loop.bestWeights![0]))
    expect(Array.from(back.arrays[0])).toEqual([0.25])
  })

  it('rejects another spec key, a changed body, truncation and a slot that does not fit its shape', () => {
    const text = encodeCheckpoint('k', sample)
    expect(() => decodeCheckpoint(text, 'other')).toThrow(/another spec/)
    const env = JSON.parse(text) as { body: string }
    expect(() => decodeCheckpoint(JSON.stringify({ ...env, body: env.body.replace('"stage":1', '"stage":0') }), 'k')).toThrow(/checksum/)
    expect(() => decodeCheckpoint(text.slice(0, text.length / 2), 'k')).toThrow()
    const bad = encodeCheckpoint('k', { ...sample, optimizer: { ...sample.optimizer, slots: [{ shape: [2], values: Float32Array.of(1, 2, 3) }] } })
    expect(() => decodeCheckpoint(bad, 'k')).toThrow(/shape/)
  })
})

describe('optimizer state', () => {
  it('Adam after 300 steps, saved and restored into a fresh optimizer, takes the same next steps bit for bit', async () => {
    const grad = (w: tf.Variable, step: number): tf.NamedTensorMap => ({ [w.name]: tf.tidy(() => tf.mul(tf.sin(tf.add(w, tf.scalar(step))), tf.scalar(0.3))) })
    const run = async (w: tf.Variable, o: tf.Optimizer, from: number, to: number): Promise<void> => {
      for (let s = from; s < to; s++) {
        const g = grad(w, s)
        o.applyGradients(g)
        tf.dispose(Object.values(g))
      }
    }
    const init = tf.tensor1d([0.3, -1.2, 2])
    const a = tf.variable(init, true, 'g2-adam-a')
    const oa = tf.train.adam(0.01)
    await run(a, oa, 0, 300)
    const saved = await optimizerState(oa)
    expect(saved.iterations).toBe(300)
    expect(saved.slots).toHaveLength(2)
    const copy = tf.clone(a)
    const b = tf.variable(copy, true, 'g2-adam-b')
    const ob = tf.train.adam(0.01)
    await restoreOptimizer(ob, saved)
    await run(a, oa, 300, 320)
    await run(b, ob, 300, 320)
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()))
    oa.dispose()
    ob.dispose()
    tf.dispose([a, b, init, copy])
    expect(tf.memory().numTensors).toBe(baseline)
  })
})
