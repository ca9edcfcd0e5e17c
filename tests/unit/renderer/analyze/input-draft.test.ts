// @vitest-environment happy-dom
// The wizard's ONNX draft with a mocked engine: a picked .onnx is inspected and its default choice and
// the model's input (layout, channels, size) preset the image options; a picked image folder is sent
// with inputs.stage in calls that keep under the byte cap, in the engine's order, all under one token;
// the data's shape is checked against the model's input before anything is sent.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { OnnxInspection } from '@shared/onnx'
import { setApi } from '../api-double'

const calls = { stage: [] as { token?: string; files: { name: string; content: string }[] }[], inspect: 0 }
const INSPECTION = {
  irVersion: 8,
  opset: [{ domain: '', version: 13 }],
  producer: { name: 'pytorch', version: '1.13.0' },
  inputs: [{ name: 'input', shape: ['batch', 1, 14, 14], dtype: 'float32' }],
  outputs: [{ name: 'logits', shape: ['batch', 5], dtype: 'float32' }],
  tensors: [
    { name: '/relu1/Relu_output_0', op: 'Relu', node: '/relu1/Relu', shape: ['batch', 4, 12, 12], dtype: 'float32' },
    { name: 'logits', op: 'Gemm', node: '/head/Gemm', shape: ['batch', 5], dtype: 'float32' }
  ],
  residualBlocks: [],
  defaultLayers: ['/relu1/Relu_output_0', 'logits']
} satisfies OnnxInspection
vi.mock('@/api', () => import('../api-double'))
setApi({
  'models.inspect': () => {
    calls.inspect++
    return Promise.resolve({ ok: true, value: INSPECTION })
  },
  'inputs.stage': (r: { token?: string; files: { name: string; content: string }[] }) => {
    calls.stage.push(r)
    return Promise.resolve({ ok: true, value: { token: 'tok-123456789', files: 0, bytes: 0 } })
  }
})
import { useAnalyzeInputsDraftStore } from '@/stores/drafts/analyzeInputsDraft'
import { message } from '@shared/messages'

const file = (path: string, size: number): File => {
  const f = new File([new Uint8Array(size)], path.split('/').pop()!)
  Object.defineProperty(f, 'webkitRelativePath', { value: path })
  return f
}

beforeEach(() => {
  setActivePinia(createPinia())
  calls.stage = []
  calls.inspect = 0
})

describe('ONNX input draft', () => {
  it('inspects the model, preselects the default layers and presets the image options from its input', async () => {
    const d = useAnalyzeInputsDraftStore()
    expect(d.modelProblems.map((p) => p.key)).toEqual(['noOnnx'])
    await d.setOnnxFile(new File([new Uint8Array(10)], 'net.onnx'))
    expect(calls.inspect).toBe(1)
    expect(d.selected).toEqual(['/relu1/Relu_output_0', 'logits'])
    expect(d.options).toMatchObject({ resize: true, height: 14, width: 14, channels: 'gray', layout: 'nchw' })
    expect(d.modelProblems).toEqual([])
    d.setLayers([])
    expect(d.modelProblems.map((p) => p.key)).toEqual(['noLayersChosen'])
    d.resetLayers()
    expect(d.selected).toEqual(['/relu1/Relu_output_0', 'logits'])
  })

  it('checks the shape before sending, then stages the images in calls under the byte cap', async () => {
    const d = useAnalyzeInputsDraftStore()
    await d.setOnnxFile(new File([new Uint8Array(10)], 'net.onnx'))
    await d.setImageFolder([file('pics/b/2.png', 40), file('pics/a/1.png', 40), file('pics/a/0.png', 40), file('pics/notes.txt', 5)])
    expect(d.imageClasses).toEqual(['a', 'b'])
    expect(d.dataProblems('images', true)).toEqual([])
    d.options.channels = 'rgb'
    expect(d.dataProblems('images', true).map((p) => p.params?.message)).toEqual([
      message('imgui.shapeMismatch', { model: '[N,1,14,14]', data: '[N,3,14,14]' })
    ])
    d.options.channels = 'gray'
    d.options.mean = '0.5, x'
    expect(d.dataProblems('images', true).map((p) => p.key)).toEqual(['numbers'])
    d.options.mean = '0.5'
    const staged = await d.stage('images', 100)
    expect(staged).toEqual({ token: 'tok-123456789', label: 'pics' })
    // 40 + 40 bytes fit under 100, the third starts a new call carrying the first call's token
    expect(calls.stage.map((c) => [c.token, c.files.map((f) => f.name)])).toEqual([
      [undefined, ['a/0.png', 'a/1.png']],
      ['tok-123456789', ['b/2.png']]
    ])
    expect(d.imageOptions).toEqual({ channels: 'gray', scale: '0-1', layout: 'nchw', size: [14, 14], mean: [0.5] })
  })
})
