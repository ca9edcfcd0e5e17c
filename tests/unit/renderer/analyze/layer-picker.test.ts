// @vitest-environment happy-dom
// The ONNX layer picker on a real PyTorch export (tests/fixtures/onnx/rescnn.onnx; its inspection kept in
// tests/fixtures/images/rescnn.inspection.json, which onnx-handlers.test.ts checks against models.inspect): tensors grouped by the module names the export script gave (stem, block1, ...), in graph
// order; the default choice checked; a group's "all" box and single boxes emit the new choice; residual
// block outputs marked. Plus the wizard-side helpers: image-folder ordering and the shape check.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { OnnxInspection } from '@shared/onnx'
import { createAppI18n } from '@/i18n'
import LayerPicker from '@/components/analyze/LayerPicker.vue'
import { groupTensors, modulePath } from '@/components/analyze/layerGroups'
import { imagesOf } from '@/components/analyze/imageFiles'
import { dataShapeProblem, imageDataShape, npyShape } from '@/components/analyze/inputShape'
import { encodeNpyBytes } from '@shared/npy-bytes'
import { message } from '@shared/messages'

const FIX = resolve(__dirname, '../../../fixtures/onnx')
let inspection: OnnxInspection
beforeAll(() => {
  inspection = JSON.parse(readFileSync(resolve(FIX, '../images/rescnn.inspection.json'), 'utf8')) as OnnxInspection
})

describe('layer picker grouping', () => {
  it('groups by the top module of each node, as the export script named the modules', () => {
    const modules = JSON.parse(readFileSync(resolve(FIX, 'rescnn.graph.json'), 'utf8')).modules as Record<string, string>
    const groups = groupTensors(inspection.tensors)
    // every top module of the PyTorch model (stem_relu, block1, ..., head) is a group
    const tops = [...new Set(Object.keys(modules).map((m) => m.split('.')[0]))]
    for (const top of tops) expect(groups.map((g) => g.key)).toContain(top)
    const block1 = groups.find((g) => g.key === 'block1')!
    expect(block1.items.map((i) => i.path)).toEqual(['/block1/conv1', '/block1/relu1', '/block1/conv2', '/block1/add', '/block1/relu2'])
    // graph order is kept across groups
    const order = groups.flatMap((g) => g.items.map((i) => i.order))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(groups.flatMap((g) => g.items).length).toBe(inspection.tensors.length)
  })

  it('reads module paths from node names; nodes without one go to the top-level group', () => {
    expect(modulePath('/layer1/0/relu/Relu')).toBe('/layer1/0/relu')
    expect(modulePath('Gemm_5')).toBeNull()
    expect(modulePath('/Relu')).toBeNull()
    const g = groupTensors([
      { name: 'a', op: 'Relu', node: 'Relu_1', shape: null, dtype: 'float32' },
      { name: 'b', op: 'Conv', node: '/layer1/0/conv1/Conv', shape: ['N', 8, 4, 4], dtype: 'float32' }
    ])
    expect(g.map((x) => [x.key, x.items.map((i) => i.path)])).toEqual([
      ['', ['a']],
      ['layer1', ['/layer1/0/conv1']]
    ])
  })

  it('shows the default choice checked and emits changes from boxes and groups', async () => {
    const w = mount(LayerPicker, { props: { inspection, selected: inspection.defaultLayers }, global: { plugins: [createAppI18n('en')] } })
    const checked = w.findAll('label.item:not(.all) input:checked').map((i) => i.element.closest('label')!.getAttribute('data-testid'))
    expect(checked).toEqual(inspection.defaultLayers.map((n) => `pick-${n}`))
    expect(w.get('[data-testid="picker-count"]').text()).toContain(`${inspection.defaultLayers.length} of ${inspection.tensors.length}`)
    // two residual blocks: their Add outputs are tagged
    expect(w.findAll('.tag').length).toBe(2)
    await w.get('[data-testid="pick-/block1/conv1/Conv_output_0"] input').setValue(true)
    expect(w.emitted('change')![0][0]).toEqual([...inspection.defaultLayers, '/block1/conv1/Conv_output_0'])
    const all = w.get('[data-testid="picker-group-block2"] label.all input')
    await all.setValue(true)
    const names = (w.emitted('change')![1][0] as string[]).filter((n) => n.startsWith('/block2/'))
    expect(names.sort()).toEqual(
      inspection.tensors
        .filter((t) => t.node.startsWith('/block2/'))
        .map((t) => t.name)
        .sort()
    )
    await w.get('[data-testid="picker-defaults"]').trigger('click')
    expect(w.emitted('defaults')).toHaveLength(1)
  })
})

describe('wizard data helpers', () => {
  it('orders a picked folder as the engine reads it, labels from the first sub-folder', () => {
    const f = (p: string) => ({ name: p.split('/').pop()!, webkitRelativePath: p })
    const r = imagesOf([f('pics/dog/sub/2.png'), f('pics/cat/1.png'), f('pics/dog/0.jpg'), f('pics/cat/0.png'), f('pics/cat/notes.txt'), f('pics/.DS_Store')])
    expect(r.root).toBe('pics')
    expect(r.classes).toEqual(['cat', 'dog'])
    expect(r.images.map((i) => [i.path, i.label])).toEqual([
      ['cat/0.png', 'cat'],
      ['cat/1.png', 'cat'],
      ['dog/0.jpg', 'dog'],
      ['dog/sub/2.png', 'dog']
    ])
    expect(r.skipped).toBe(2)
  })

  it('tells the data shape and checks it against the model input before sending', () => {
    expect(npyShape(encodeNpyBytes(new Float32Array(24), [2, 3, 4]))).toEqual([2, 3, 4])
    expect(imageDataShape(10, { height: 6, width: 6 }, { channels: 'rgb', scale: '0-1', layout: 'nhwc' })).toEqual([10, 6, 6, 3])
    expect(imageDataShape(10, null, { channels: 'gray', scale: '0-1', layout: 'nchw', size: [14, 14] })).toEqual([10, 1, 14, 14])
    expect(dataShapeProblem(['batch', 3, 6, 6], [10, 6, 6, 3])).toEqual(
      message('imgui.shapeMismatchLayout', { model: '[N,3,6,6]', data: '[N,6,6,3]', layout: 'NCHW' })
    )
    expect(dataShapeProblem(['batch', 3, 6, 6], [10, 3, 6, 6])).toBeNull()
    // a table row fills a fixed input of as many values, as the engine allows
    expect(dataShapeProblem(['batch', 1, 2, 2], [10, 4])).toBeNull()
    expect(dataShapeProblem(['batch', 1, 2, 2], [10, 3])).toEqual(message('imgui.shapeMismatch', { model: '[N,1,2,2]', data: '[N,3]' }))
  })
})
