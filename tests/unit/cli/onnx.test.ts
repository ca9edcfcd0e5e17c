// `nagare inspect` and `nagare analyze model.onnx` in-process through main() on the PyTorch-exported
// fixtures: the inspection JSON against the export script's graph facts; the analysis rows named by tensor,
// input first; the residual blocks' Euler stretch measured from PyTorch's own activations (closed form);
// bad input exits 2 with the message and writes nothing.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../electron/cli/main'
import { loadFixture, ONNX_FIX } from '../engine/onnx/onnx-fixtures'
import { captureIo } from './cli-io'
import { storedEnglish } from '../../../shared/messages'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-onnx-cli-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(dir)
  const code = await main(['node', 'nagare', ...args], io)
  return { code, out: io.out(), err: io.err() }
}

function meanNorm(x: Float32Array, n: number, w: number, minus?: Float32Array): number {
  let s = 0
  for (let i = 0; i < n; i++) {
    let q = 0
    for (let j = 0; j < w; j++) q += (x[i * w + j] - (minus ? minus[i * w + j] : 0)) ** 2
    s += Math.sqrt(q)
  }
  return s / n
}

describe('nagare inspect', () => {
  it('prints inputs, outputs, tensors in topological order and the residual blocks', async () => {
    const f = loadFixture('rescnn')
    const r = await run(['inspect', join(ONNX_FIX, 'rescnn.onnx')])
    expect(r.code).toBe(0)
    const j = JSON.parse(r.out)
    expect(j.inputs).toEqual([{ name: 'input', shape: ['batch', 3, 6, 6], dtype: 'float32' }])
    expect(j.producer).toEqual({ name: 'pytorch', version: '1.13.0' })
    expect(j.tensors).toHaveLength(f.graph.nodes)
    expect(j.tensors[0]).toEqual({ name: '/stem/Conv_output_0', op: 'Conv', node: '/stem/Conv', shape: ['batch', 8, 6, 6], dtype: 'float32' })
    expect(j.residualBlocks).toEqual(f.graph.residualBlocks)
  })

  it('exits 2 with the reason for a file that is not a model', async () => {
    const r = await run(['inspect', join(ONNX_FIX, 'rescnn.x.npy')])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/rescnn\.x\.npy (is not a readable ONNX model|holds no graph)/)
  })
})

describe('nagare analyze model.onnx', () => {
  it('records the default tensors, rows named by tensor (input first), and the blocks as the Euler stretch', async () => {
    const f = loadFixture('rescnn')
    const out = join(dir, 'report')
    const r = await run(['analyze', join(ONNX_FIX, 'rescnn.onnx'), '--data', join(ONNX_FIX, 'rescnn.x.npy'), '--k', '5', '--out', out])
    expect(r.err.split('\n').filter((l) => l.startsWith('nagare:') && !l.includes('flag'))).toEqual([])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out)
    expect(report.rows.map((row: { name: string }) => row.name)).toEqual([
      'input',
      '/stem_relu/Relu_output_0',
      '/block1/relu1/Relu_output_0',
      '/block1/add/Add_output_0',
      '/block1/relu2/Relu_output_0',
      '/block2/relu1/Relu_output_0',
      '/block2/add/Add_output_0',
      '/block2/relu2/Relu_output_0',
      'logits'
    ])
    // the two blocks chain (block2's input is block1's ReLU): one stretch of two Euler steps, h = 1/2
    expect(report.stretches).toEqual([{ from: 1, to: 6, width: 288, h: 0.5 }])
    const n = 24
    const w = 288
    for (const b of f.graph.residualBlocks) {
      const row = report.rows.find((x: { name: string }) => x.name === b.output)
      const input = f.acts.get(b.input)!.data
      const output = f.acts.get(b.output)!.data
      const update = meanNorm(output, n, w, input)
      expect(row.blockInput).toBe(report.rows.findIndex((x: { name: string }) => x.name === b.input))
      expect(row.update).toBeCloseTo(update, 4)
      expect(row.relativeUpdate).toBeCloseTo(update / meanNorm(input, n, w), 4)
      expect(row.velocity).toBeCloseTo(update / 0.5, 4)
      expect(row.w2FromPrevious).toBeGreaterThan(0)
    }
    for (const row of report.rows) expect(storedEnglish(row.reductionNote)).toMatch(/analysed exactly/)
    const record = JSON.parse(await readFile(join(out, 'analysis.json'), 'utf8'))
    expect(record.source).toBe('onnx')
    expect(record.model).toEqual({ className: 'onnx', inputShape: [3, 6, 6], layerNames: report.rows.slice(1).map((x: { name: string }) => x.name) })
  })

  it('records only --layers, in graph order', async () => {
    const r = await run([
      'analyze',
      join(ONNX_FIX, 'bnpool.onnx'),
      '--data',
      join(ONNX_FIX, 'bnpool.x.npy'),
      '--layers',
      '/flat/Flatten_output_0,/relu1/Relu_output_0'
    ])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out).rows.map((x: { name: string }) => x.name)).toEqual(['input', '/relu1/Relu_output_0', '/flat/Flatten_output_0'])
  })

  it('bad input exits 2 with the message and writes nothing', async () => {
    const out = join(dir, 'never')
    const cases: [string[], RegExp][] = [
      [
        ['analyze', join(ONNX_FIX, 'rescnn.onnx'), '--data', join(ONNX_FIX, 'mlp.x.npy'), '--out', out],
        /the data's samples have shape \[4\], but the model's input input takes \[3, 6, 6\]/
      ],
      [['analyze', join(ONNX_FIX, 'rescnn.onnx'), '--out', out], /is an ONNX model: give the data/],
      [
        ['analyze', join(ONNX_FIX, 'custom-op.onnx'), '--data', 'builtin:moons:20', '--layers', 'y', '--out', out],
        /custom-op\.onnx uses an operator that onnxruntime \(CPU\) does not implement: .*Frobnicate/
      ],
      [['analyze', join(ONNX_FIX, 'external', 'model.onnx'), '--data', join(ONNX_FIX, 'mlp.x.npy'), '--out', out], /keeps weights in an external data file/],
      [['analyze', join(ONNX_FIX, 'mlp.onnx'), '--data', join(ONNX_FIX, 'mlp.x.npy'), '--layers', 'nope', '--out', out], /no tensor named nope/],
      [
        ['analyze', join(ONNX_FIX, 'mlp.onnx'), '--data', join(ONNX_FIX, 'mlp.x.npy'), '--feature-maps', 'max', '--out', out],
        /--feature-maps must be 'auto' or 'channel-means'/
      ]
    ]
    for (const [args, message] of cases) {
      const r = await run(args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err).toMatch(message)
      expect(r.out).toBe('')
      expect(
        await stat(out).then(
          () => true,
          () => false
        )
      ).toBe(false)
    }
    expect((await readdir(dir)).filter((e) => e.includes('never'))).toEqual([])
  })
})
