// Residual blocks read from an ONNX graph: an Add (or two-input Sum) node whose one input x is an ancestor
// of its other input y, so output = x + f(x) with the branch f computed from the skip path x. Shortcuts
// that transform x (a strided 1x1 Conv) are not identity skips and are not blocks: their input and output
// widths differ, so no Euler step reads them.
import type { ResidualBlock } from '../../../shared/onnx'
import type { GraphNode } from './graph'

const JOINS = new Set(['Add', 'Sum'])

/** Every value `name` is computed from (node outputs and graph inputs), through the producing nodes. */
function ancestorsOf(name: string, producer: Map<string, GraphNode>, memo: Map<string, Set<string>>): Set<string> {
  const known = memo.get(name)
  if (known) return known
  // iterative depth-first walk: ResNet-sized graphs are deep enough to overflow a recursive one
  const out = new Set<string>()
  const stack = [name]
  while (stack.length > 0) {
    const v = stack.pop() as string
    const node = producer.get(v)
    if (!node) continue
    for (const i of node.inputs) {
      if (!i || out.has(i)) continue
      out.add(i)
      const cached = memo.get(i)
      if (cached) for (const a of cached) out.add(a)
      else stack.push(i)
    }
  }
  memo.set(name, out)
  return out
}

/** Nodes in topological order; initializers are weights, never a skip path. */
export function findResidualBlocks(nodes: GraphNode[], initializers: Set<string>): ResidualBlock[] {
  const producer = new Map<string, GraphNode>()
  for (const n of nodes) for (const o of n.outputs) if (o) producer.set(o, n)
  const memo = new Map<string, Set<string>>()
  const blocks: ResidualBlock[] = []
  for (const n of nodes) {
    if (!JOINS.has(n.op) || n.domain !== '' || n.inputs.length !== 2) continue
    const [a, b] = n.inputs
    if (!a || !b || a === b || initializers.has(a) || initializers.has(b)) continue
    if (ancestorsOf(b, producer, memo).has(a)) blocks.push({ add: n.name, input: a, branch: b, output: n.outputs[0] })
    else if (ancestorsOf(a, producer, memo).has(b)) blocks.push({ add: n.name, input: b, branch: a, output: n.outputs[0] })
  }
  return blocks
}
