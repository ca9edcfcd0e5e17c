// Matching the data's shape [N, ...] to a model's input shape, whose dimensions may be fixed numbers or
// symbolic (a name such as "batch", or null/-1 for unknown). The batch dimension is always N. Used by the
// engine before any work and by the wizard before Analyze is pressed, so both say the same thing.
import { type Message, message } from './messages'

export type ModelDim = number | string | null

/** [N,3,64,64] style text; symbolic dimensions by name, the batch dimension as N. */
export function shapeText(shape: readonly (ModelDim | undefined)[], batch = true): string {
  return `[${shape.map((d, i) => (i === 0 && batch ? 'N' : typeof d === 'number' && d >= 0 ? String(d) : typeof d === 'string' && d.length > 0 ? d : '?')).join(',')}]`
}

export interface ShapeMismatch {
  /** the model's input, e.g. [N,3,64,64] */
  model: string
  /** the data, e.g. [N,64,64,3] */
  data: string
  /** the data holds the model's values in the other image layout (NHWC vs NCHW) */
  layoutSwapped: boolean
}

const fixed = (d: ModelDim): d is number => typeof d === 'number' && d >= 0

/** null when every fixed dimension after the batch agrees and the ranks are equal. */
export function shapeMismatch(model: readonly ModelDim[], data: readonly number[]): ShapeMismatch | null {
  const fits = model.length === data.length && model.every((d, i) => i === 0 || !fixed(d) || d === data[i])
  if (fits) return null
  const swapped =
    model.length === 4 &&
    data.length === 4 &&
    (sameDims([model[3], model[1], model[2]], data.slice(1)) || sameDims([model[2], model[3], model[1]], data.slice(1)))
  return { model: shapeText(model), data: shapeText(data), layoutSwapped: swapped }
}

function sameDims(model: ModelDim[], data: number[]): boolean {
  return model.every((d, i) => !fixed(d) || d === data[i])
}

/** The mismatch as a Message (worded in the reader's language where it is shown). */
export function shapeMismatchMessage(m: ShapeMismatch): Message {
  if (!m.layoutSwapped) return message('imgui.shapeMismatch', { model: m.model, data: m.data })
  // a model [N,C,H,W] has its channel count (1 or 3) right after N
  const layout = /^\[N,[13],/.test(m.model) ? 'NCHW' : 'NHWC'
  return message('imgui.shapeMismatchLayout', { model: m.model, data: m.data, layout })
}
