// Saving a trained flow as model/model.json + model/weights.bin and loading it back gives the same
// networks: identical weights and identical outputs of the field and the head.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { createRng } from '../../../../electron/engine/sampling/random'
import { loadTrainedField, modelArtifacts, modelFiles, modelFromArtifacts } from '../../../../electron/engine/models/model-io'
import { TrainedModel, type TrainedModelMeta } from '../../../../electron/engine/models/trained-model'

beforeAll(async () => {
  await initBackend('wasm')
})

const meta: TrainedModelMeta = {
  kind: 'neural-ode',
  task: 'classify',
  dataDim: 2,
  augment: 1,
  field: { dim: 3, width: 8, hiddenLayers: 2, activation: 'swish' },
  fields: 1,
  solver: 'rk4',
  depth: 1,
  stepSize: 0.25,
  classes: ['a', 'b', 'c']
}

function outputs(m: TrainedModel): number[] {
  return tf.tidy(() => {
    const x = tf.tensor2d([0.3, -1, 0, 2, 0.5, 0], [2, 3])
    return [...m.fields[0].forward(x, 0.7).dataSync(), ...m.logits(x).dataSync()]
  })
}

describe('model save and load', () => {
  it('artifacts round trip: same weights, same field and head outputs; nothing leaks', () => {
    const baseline = tf.memory().numTensors
    const m = new TrainedModel(meta, createRng(4))
    const a = modelArtifacts(m, 'test')
    const json = JSON.parse(a.json)
    expect(json.weightsManifest[0].paths).toEqual(['weights.bin'])
    expect(a.weights.length).toBe(4 * m.parameterCount)
    const back = modelFromArtifacts(a.json, a.weights)
    expect(back.meta).toEqual(meta)
    back.getWeights().forEach((w, i) => expect(Array.from(w.values)).toEqual(Array.from(m.getWeights()[i].values)))
    expect(outputs(back)).toEqual(outputs(m))
    // a different seed really gives different outputs (the comparison can fail)
    const other = new TrainedModel(meta, createRng(5))
    expect(outputs(other)).not.toEqual(outputs(m))
    for (const x of [m, back, other]) x.dispose()
    expect(tf.memory().numTensors).toBe(baseline)
  })

  it('loadTrainedField reads a run folder; a truncated weights.bin is refused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nagare-model-'))
    try {
      const m = new TrainedModel(
        {
          ...meta,
          kind: 'trained-composed-dae',
          task: 'composed-dae',
          fields: 3,
          classes: undefined,
          augment: 0,
          field: { dim: 2, width: 4, hiddenLayers: 1, activation: 'tanh' }
        },
        createRng(1)
      )
      await mkdir(join(dir, 'model'))
      for (const f of modelFiles(m, 'test')) await writeFile(join(dir, f.path), f.data)
      const back = await loadTrainedField(dir)
      expect(back.fields.length).toBe(3)
      const probe = (x: TrainedModel): number[] => tf.tidy(() => Array.from(x.fields[2].forward(tf.tensor2d([1, 2], [1, 2]), 0).dataSync()))
      expect(probe(back)).toEqual(probe(m))
      const a = modelArtifacts(m, 'test')
      expect(() => modelFromArtifacts(a.json, a.weights.subarray(0, a.weights.length - 4))).toThrow(/too short/)
      m.dispose()
      back.dispose()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
