// recordOnnx and inspectOnnx on models exported by real PyTorch: the recorded tensors against the
// activations PyTorch's forward hooks saw (1e-4), inspect against the graph the export script wrote down,
// residual blocks found exactly; batches, progress and cancel; the feature-map reductions against brute force.
import { describe, expect, it } from 'vitest'
import { inspectOnnx, recordOnnx } from '../../../../electron/engine/onnx'
import { planReduction, reducerFactory } from '../../../../electron/engine/onnx/reduce'
import { denseOf, sparseProjection } from '../../../../electron/engine/onnx/sparse-projection'
import { reductionNote } from '../../../../electron/engine/onnx/notes'
import { createRng } from '../../../../electron/engine/sampling/random'
import { english, message } from '../../../../shared/messages'
import { ONNX_LIMITS } from '../../../../shared/onnx'
import { loadFixture, MODELS } from './onnx-fixtures'

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length)
  let m = 0
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]))
  return m
}

describe('recordOnnx', () => {
  for (const name of MODELS) {
    it(`${name}: every hooked tensor equals PyTorch's to 1e-4, the input row equals the data`, async () => {
      const f = loadFixture(name)
      const layers = [...f.acts.keys()]
      const r = await recordOnnx(f.bytes, { values: f.x.data, n: f.x.shape[0], sampleShape: f.x.shape.slice(1) }, { layers, batchSize: 7 })
      expect(r.layers[0].name).toBe('input')
      expect(maxAbsDiff(r.layers[0].data, f.x.data)).toBe(0)
      // recorded in graph order, which the hooks' module order follows in these models
      expect(r.layers.slice(1).map((l) => l.name)).toEqual(layers)
      for (const l of r.layers.slice(1)) {
        const want = f.acts.get(l.name)!
        expect(l.reduction?.method).toBe('exact')
        expect(l.width).toBe(want.shape.slice(1).reduce((a, b) => a * b, 1))
        expect(maxAbsDiff(l.data, want.data)).toBeLessThan(1e-4)
      }
    })
  }

  it('finds the residual blocks among the recorded rows (block input and Add output)', async () => {
    const f = loadFixture('rescnn')
    const r = await recordOnnx(f.bytes, { values: f.x.data, n: 24, sampleShape: [3, 6, 6] })
    const rows = r.layers.map((l) => l.name)
    expect(r.blocks).toEqual(f.graph.residualBlocks.map((b) => ({ add: b.add, from: rows.indexOf(b.input), to: rows.indexOf(b.output) })))
    expect(r.blocks.every((b) => b.from > 0 && b.to > b.from)).toBe(true)
  })

  it('accepts a flat table row for a fixed input shape, and refuses data of the wrong shape before running', async () => {
    const f = loadFixture('rescnn')
    const flat = await recordOnnx(f.bytes, { values: f.x.data, n: 24, sampleShape: [108] }, { layers: ['logits'] })
    expect(maxAbsDiff(flat.layers[1].data, f.acts.get('logits')!.data)).toBeLessThan(1e-4)
    await expect(recordOnnx(f.bytes, { values: f.x.data.subarray(0, 24 * 75), n: 24, sampleShape: [3, 5, 5] })).rejects.toThrow(
      "the data's samples have shape [3, 5, 5], but the model's input input takes [3, 6, 6] per sample (shape [batch, 3, 6, 6])"
    )
    await expect(recordOnnx(f.bytes, { values: f.x.data, n: 24, sampleShape: [3, 6, 6] }, { layers: ['nope'] })).rejects.toThrow(
      'no tensor named nope in the graph'
    )
  })

  it('reports progress after each batch and stops when the hook throws (cancel)', async () => {
    const f = loadFixture('mlp')
    const seen: number[] = []
    await recordOnnx(f.bytes, { values: f.x.data, n: 64, sampleShape: [4] }, { batchSize: 20, onBatch: (done) => void seen.push(done) })
    expect(seen).toEqual([20, 40, 60, 64])
    let calls = 0
    await expect(
      recordOnnx(
        f.bytes,
        { values: f.x.data, n: 64, sampleShape: [4] },
        {
          batchSize: 20,
          onBatch: () => {
            calls++
            throw new Error('cancelled by test')
          }
        }
      )
    ).rejects.toThrow('cancelled by test')
    expect(calls).toBe(1)
  })
})

describe('inspectOnnx', () => {
  for (const name of MODELS) {
    it(`${name}: inputs, opset, producer, every node output in order with its op and shape`, async () => {
      const f = loadFixture(name)
      const ins = await inspectOnnx(f.bytes)
      expect(ins.inputs).toEqual([{ name: 'input', shape: ['batch', ...f.x.shape.slice(1)], dtype: 'float32' }])
      expect(ins.outputs).toEqual([{ name: 'logits', shape: ['batch', f.acts.get('logits')!.shape[1]], dtype: 'float32' }])
      expect(ins.opset.find((o) => o.domain === '')?.version).toBe(f.graph.opset)
      expect(ins.producer).toEqual({ name: f.graph.producer[0], version: f.graph.producer[1] })
      // PyTorch nodes here each have one output
      expect(ins.tensors.length).toBe(f.graph.nodes)
      const at = new Map(ins.tensors.map((t, i) => [t.name, i]))
      const hooked = Object.values(f.graph.modules)
      for (let i = 1; i < hooked.length; i++) expect(at.get(hooked[i])!).toBeGreaterThan(at.get(hooked[i - 1])!)
      for (const [module, tensor] of Object.entries(f.graph.modules)) {
        const t = ins.tensors[at.get(tensor)!]
        expect(t.shape).toEqual(['batch', ...f.acts.get(tensor)!.shape.slice(1)])
        if (tensor !== 'logits') expect(t.node.startsWith('/' + module.replace(/\./g, '/') + '/')).toBe(true)
        expect(t.node.endsWith('/' + t.op) || tensor === 'logits').toBe(true)
      }
      expect(ins.residualBlocks).toEqual(f.graph.residualBlocks)
    })
  }

  it('chooses block inputs, block outputs, activations and the output by default', async () => {
    const ins = await inspectOnnx(loadFixture('rescnn').bytes)
    expect(ins.defaultLayers).toEqual([
      '/stem_relu/Relu_output_0',
      '/block1/relu1/Relu_output_0',
      '/block1/add/Add_output_0',
      '/block1/relu2/Relu_output_0',
      '/block2/relu1/Relu_output_0',
      '/block2/add/Add_output_0',
      '/block2/relu2/Relu_output_0',
      'logits'
    ])
  })
})

describe('feature-map reductions', () => {
  it('plans exact up to the cap, then a projection, or channel means on request', () => {
    expect(planReduction([8, 6, 6], 'auto', 7)).toEqual({ method: 'exact', shape: [8, 6, 6], width: 288 })
    expect(planReduction([64, 16, 16], 'auto', 7)).toEqual({ method: 'random-projection', shape: [64, 16, 16], width: 1024, seed: 7, matrix: 'sparse' })
    expect(planReduction([64, 16, 16], 'channel-means', 7)).toEqual({ method: 'channel-means', shape: [64, 16, 16], width: 64 })
    expect(planReduction([5000], 'channel-means', 7).method).toBe('random-projection')
    // the row's sentence names the sparse matrix; an analysis recorded before it (no `matrix`) keeps its Gaussian one
    expect(reductionNote(planReduction([64, 16, 16], 'auto', 7))).toEqual(
      message('onnxspeed.reductionSparseProjection', { shape: '[64, 16, 16]', features: 16384, cap: ONNX_LIMITS.exactFeatures, width: 1024, seed: 7 })
    )
    expect(english(reductionNote(planReduction([64, 16, 16], 'auto', 7)))).toContain('very sparse random projection to 1024 dimensions (seed 7;')
    expect(reductionNote({ method: 'random-projection', shape: [64, 16, 16], width: 1024, seed: 7 })).toEqual(
      message('onnx.reductionProjection', { shape: '[64, 16, 16]', features: 16384, cap: ONNX_LIMITS.exactFeatures, width: 1024, seed: 7 })
    )
    expect(english(reductionNote({ method: 'random-projection', shape: [64, 16, 16], width: 1024, seed: 7 }))).toContain('Gaussian random projection')
  })

  it('projects exactly as the product with the seeded sparse matrix, and channel means as plain means', () => {
    const features = 4100
    const b = 3
    const rng = createRng(1)
    const x = Float32Array.from({ length: b * features }, () => rng.normal())
    const factory = reducerFactory()
    const plan = planReduction([features], 'auto', 11)
    const y = factory.reducerFor(plan).reduce(x, b)
    const p = denseOf(sparseProjection(features, plan.width, 11))
    let worst = 0
    for (let i = 0; i < b; i++)
      for (let j = 0; j < plan.width; j += 37) {
        let s = 0
        for (let k = 0; k < features; k++) s += x[i * features + k] * p[k * plan.width + j]
        worst = Math.max(worst, Math.abs(s - y[i * plan.width + j]))
      }
    expect(worst).toBeLessThan(1e-9)
    // E|Px|^2 = |x|^2 (entries of variance 1/dim): norms kept within a few percent at dim 1024
    let nx = 0
    let ny = 0
    for (let k = 0; k < features; k++) nx += x[k] ** 2
    for (let j = 0; j < plan.width; j++) ny += y[j] ** 2
    expect(Math.abs(ny / nx - 1)).toBeLessThan(0.15)
    const means = factory.reducerFor({ method: 'channel-means', shape: [2, 3, 683], width: 2 }).reduce(x.subarray(0, 2 * 2 * 3 * 683), 2)
    const brute = [0, 1, 2, 3].map((c) => x.subarray(c * 2049, (c + 1) * 2049).reduce((s, v) => s + v, 0) / 2049)
    expect(maxAbsDiff(means, brute)).toBeLessThan(1e-9)
  })
})
