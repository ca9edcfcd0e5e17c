// The ONNX layer picker's grouping: each tensor sits under the module path of the node that produced it
// (PyTorch exports name nodes /layer1/0/relu/Relu: module path /layer1/0/relu), grouped by the top
// module (layer1), in graph order. Tensors whose node carries no module path go to one group of their own.
import type { OnnxTensor } from '@shared/onnx'

export interface PickerItem {
  name: string
  /** the module path shown (/layer1/0/relu), or the tensor's own name when the node has none */
  path: string
  op: string
  shape: OnnxTensor['shape']
  /** index in the graph's topological order */
  order: number
}

export interface PickerGroup {
  /** top module name ('layer1'), or '' for tensors without a module path */
  key: string
  items: PickerItem[]
}

/** The module path of a node name: '/layer1/0/relu/Relu' -> '/layer1/0/relu'; null without one. */
export function modulePath(node: string): string | null {
  if (!node.startsWith('/')) return null
  const parts = node.split('/').filter((p) => p.length > 0)
  if (parts.length < 2) return null
  return `/${parts.slice(0, -1).join('/')}`
}

/** Groups in order of their first tensor; items in graph order. */
export function groupTensors(tensors: readonly OnnxTensor[]): PickerGroup[] {
  const groups = new Map<string, PickerGroup>()
  tensors.forEach((t, order) => {
    const path = modulePath(t.node)
    const key = path ? path.split('/')[1] : ''
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { key, items: [] }))
    g.items.push({ name: t.name, path: path ?? t.name, op: t.op, shape: t.shape, order })
  })
  return [...groups.values()]
}

/** Shape text for the picker: [N,64,8,8] (symbolic dimensions by name, unknown as ?). */
export function shapeLabel(shape: OnnxTensor['shape']): string {
  if (!shape) return '?'
  return `[${shape.map((d, i) => (i === 0 ? 'N' : typeof d === 'number' ? String(d) : d || '?')).join(',')}]`
}
