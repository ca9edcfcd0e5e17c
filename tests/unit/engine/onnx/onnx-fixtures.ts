// The PyTorch-exported fixtures of tests/fixtures/onnx (made by make_fixtures.py): model bytes, the input
// batch, the activations PyTorch's forward hooks recorded, and the graph facts the script wrote down.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { readZip } from '../../../../electron/engine/formats/zip'
import { decodeNpyAny } from '../../../../electron/engine/formats/npy'

export const ONNX_FIX = resolve(__dirname, '../../../fixtures/onnx')
export const MODELS = ['mlp', 'rescnn', 'bnpool'] as const
export type FixtureName = (typeof MODELS)[number]

export interface Fixture {
  bytes: Uint8Array
  x: { data: Float32Array; shape: number[] }
  /** ONNX tensor name -> [N, ...] activation from PyTorch */
  acts: Map<string, { data: Float32Array; shape: number[] }>
  graph: {
    modules: Record<string, string>
    residualBlocks: { add: string; input: string; branch: string; output: string }[]
    nodes: number
    opset: number
    producer: [string, string]
  }
}

export function loadFixture(name: FixtureName): Fixture {
  const bytes = new Uint8Array(readFileSync(join(ONNX_FIX, `${name}.onnx`)))
  const x = decodeNpyAny(readFileSync(join(ONNX_FIX, `${name}.x.npy`)))
  const acts = new Map<string, { data: Float32Array; shape: number[] }>()
  for (const e of readZip(readFileSync(join(ONNX_FIX, `${name}.acts.npz`)), name, 64 * 1024 * 1024)) {
    const a = decodeNpyAny(e.data)
    acts.set(e.name.replace(/\.npy$/, ''), { data: a.data as Float32Array, shape: a.shape })
  }
  const graph = JSON.parse(readFileSync(join(ONNX_FIX, `${name}.graph.json`), 'utf8')) as Fixture['graph']
  return { bytes, x: { data: x.data as Float32Array, shape: x.shape }, acts, graph }
}
