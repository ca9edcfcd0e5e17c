// Property tests: a TF.js Layers model (model.json + weights.bin) mutated at random — JSON values
// replaced, keys dropped, shapes and dtypes changed, weight bytes cut or padded — is either loaded and
// run (every recorded value finite or the refusal clear) or refused with an EngineError naming the
// problem; never another error, and no tensors left behind.
import fc from 'fast-check'
import * as tf from '@tensorflow/tfjs-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend } from '../../../electron/engine/backend'
import { EngineError } from '../../../electron/engine/errors'
import { loadModelFromFiles, recordLayerOutputs } from '../../../electron/engine/layers/tfjs-model'
import { buildModel, type SavedModel } from '../engine/layers/tfjs-fixture'

const SEED = 20261127
let saved: SavedModel

beforeAll(async () => {
  await initBackend('cpu')
  saved = await buildModel()
})

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** every path to a value inside a JSON document */
function paths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = [at]
  if (Array.isArray(v)) return here.concat(...v.map((x, i) => paths(x, [...at, i])))
  if (v && typeof v === 'object') return here.concat(...Object.entries(v).map(([k, x]) => paths(x, [...at, k])))
  return here
}

function setAt(doc: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value ?? null
  const copy = JSON.parse(JSON.stringify(doc)) as Json
  let node = copy as Record<string | number, Json>
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, Json>
  const last = path[path.length - 1]
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1)
    else delete node[last]
  } else node[last] = value
  return copy
}

const replacement = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -3, max: 100000 }),
  fc.constantFrom(0.5, -1, 1e308, 2 ** 40),
  fc.constantFrom('float32', 'int32', 'string', 'Dense', 'Conv2D', 'tanh', '', '../weights.bin', 'model.json'),
  fc.constantFrom<Json>([], [2], [3, 8], [8, 8, 8], {}, { class_name: 'Lambda', config: {} })
)

const mutation = fc.record({
  edits: fc.array(fc.tuple(fc.nat(), replacement), { minLength: 1, maxLength: 3 }),
  // the weight bytes are left alone most of the time, so that mutations of model.json are reached
  cut: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.nat(), weight: 1 }),
  pad: fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.nat({ max: 16 }), weight: 1 })
})

describe('model.json + weights fuzz', () => {
  it('loads and records, or refuses with an EngineError, never anything else', async () => {
    const baseline = tf.memory().numTensors
    const outcomes = { loaded: 0, refused: 0 }
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        let doc = saved.modelJson as unknown as Json
        for (const [which, value] of m.edits) {
          const all = paths(doc).filter((p) => p.length > 0)
          doc = setAt(doc, all[which % all.length], value)
        }
        let weights: Uint8Array = saved.weights
        if (m.cut !== undefined) weights = weights.subarray(0, m.cut % (weights.length + 1))
        if (m.pad) weights = new Uint8Array([...weights, ...new Uint8Array(m.pad)])
        const files = [
          { name: 'model.json', bytes: new TextEncoder().encode(JSON.stringify(doc)) },
          { name: 'weights.bin', bytes: weights }
        ]
        try {
          const loaded = await loadModelFromFiles(files)
          try {
            const n = 5
            const d = loaded.inputWidth
            const points = Float64Array.from({ length: n * d }, (_, i) => Math.sin(i))
            await recordLayerOutputs(loaded, points, n, d)
            outcomes.loaded++
          } finally {
            loaded.model.dispose()
          }
        } catch (e) {
          if (!(e instanceof EngineError)) throw new Error(`not an EngineError: ${String(e)}`, { cause: e })
          expect(e.message.length).toBeGreaterThan(10)
          outcomes.refused++
        }
      }),
      { seed: SEED, numRuns: 120 }
    )
    expect(tf.memory().numTensors).toBe(baseline)
    // the mutations reach both sides: models that still load and run, and refusals
    expect(outcomes.loaded).toBeGreaterThan(5)
    expect(outcomes.refused).toBeGreaterThan(5)
  }, 120_000)
})
