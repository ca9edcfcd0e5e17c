// The data's shape as the wizard can tell it before sending anything: an .npy header, the input member
// of an .npz (the names the engine looks for: data/array-input.ts), or a folder of images with the
// chosen image options; and the check against an ONNX model's input (shared/input-shape.ts), so a
// mismatch is shown before Analyze is pressed.
import { unzipSync } from 'fflate'
import { sampleShape, type ImageOptions } from '@shared/image-data'
import { shapeMismatch, shapeMismatchMessage, type ModelDim } from '@shared/input-shape'
import type { Message } from '@shared/messages'

const INPUT_MEMBERS = ['x', 'X', 'data', 'inputs', 'images']
const LABEL_MEMBERS = ['y', 'labels', 'targets']

/** The shape in an .npy header (the first bytes of the file), or null when it is not one. */
export function npyShape(head: Uint8Array): number[] | null {
  if (head.length < 12 || head[0] !== 0x93 || String.fromCharCode(...head.subarray(1, 6)) !== 'NUMPY') return null
  const major = head[6]
  const len = major === 1 ? head[8] | (head[9] << 8) : head[8] | (head[9] << 8) | (head[10] << 16) | (head[11] << 24)
  const start = major === 1 ? 10 : 12
  if (head.length < start + len) return null
  const header = new TextDecoder().decode(head.subarray(start, start + len))
  const m = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)
  if (!m) return null
  const parts = m[1]
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
  return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : null
}

/** The input member's shape in an .npz archive (whole file in memory), or null when none can be told. */
export function npzShape(bytes: Uint8Array): number[] | null {
  let members: Record<string, Uint8Array>
  try {
    members = unzipSync(bytes)
  } catch {
    return null
  }
  const names = Object.keys(members).map((n) => n.replace(/\.npy$/i, ''))
  const rest = names.filter((n) => !LABEL_MEMBERS.includes(n))
  const input = INPUT_MEMBERS.find((n) => rest.includes(n)) ?? (rest.length === 1 ? rest[0] : undefined)
  if (input === undefined) return null
  const key = Object.keys(members).find((k) => k.replace(/\.npy$/i, '') === input)!
  return npyShape(members[key])
}

/** A one-axis array is read as [N, 1], as the engine does. */
export const asRows = (shape: number[]): number[] => (shape.length === 1 ? [shape[0], 1] : shape)

/** [N, ...] of a folder of `count` images, the first `first` pixels high and wide (used without a resize). */
export function imageDataShape(count: number, first: { height: number; width: number } | null, o: ImageOptions): number[] | null {
  const size = o.size ?? (first ? [first.height, first.width] : null)
  return size ? [count, ...sampleShape(size[0], size[1], o)] : null
}

/**
 * The mismatch message (English; the UI localizes it) or null when the data fits. A table [N, d] fills
 * a fixed input of d values in all, as the engine allows (CSV or built-in data for an image model).
 */
export function dataShapeProblem(model: readonly ModelDim[] | null, data: readonly number[] | null): Message | null {
  if (!model || !data) return null
  const rest = model.slice(1)
  if (data.length === 2 && rest.length !== 1 && rest.every((d): d is number => typeof d === 'number' && d >= 0) && rest.reduce((a, b) => a * b, 1) === data[1])
    return null
  const m = shapeMismatch(model, data)
  return m ? shapeMismatchMessage(m) : null
}
