// Particle colours: by mixture component (Okabe-Ito, colour-blind safe) or by initial position
// (viridis of the first coordinate at depth 0). Computed once per run and colouring choice as RGBA8,
// one texel per displayed particle, so the shaders look colours up by particle index.

import { OKABE_ITO } from '../styles/palette'

export { OKABE_ITO }
export type ColorBy = 'component' | 'initial'

/** Colour of particles without a component label: a mid grey, distinct from the palette's light grey. */
export const UNLABELLED = '#808080'

/** matplotlib's viridis at 9 evenly spaced stops. */
export const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'] as const

export function hexToRgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16)
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255]
}

const PALETTE_RGB = OKABE_ITO.map(hexToRgb)
const UNLABELLED_RGB = hexToRgb(UNLABELLED)

export function componentColor(label: number): [number, number, number] {
  if (!Number.isInteger(label) || label < 0) return UNLABELLED_RGB
  return PALETTE_RGB[label % PALETTE_RGB.length]
}

/** Viridis at u in [0, 1] (clamped), linearly interpolated between stops, rounded to bytes. */
export function viridis(u: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, Number.isFinite(u) ? u : 0)) * (VIRIDIS.length - 1)
  const i = Math.min(VIRIDIS.length - 2, Math.floor(t))
  const f = t - i
  const a = hexToRgb(VIRIDIS[i])
  const b = hexToRgb(VIRIDIS[i + 1])
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * f)) as [number, number, number]
}

export interface ColorInput {
  /** the run's data, [sample][particle][dim]; only sample 0 is read */
  data: Float32Array
  total: number
  dim: number
  labels?: Int32Array
  /** displayed particles (null: all, in order) */
  particles: Int32Array | null
  count: number
}

/** Range of the first coordinate at depth 0, over all particles of the run. */
export function initialRange(data: Float32Array, total: number, dim: number): [number, number] {
  let lo = Infinity
  let hi = -Infinity
  for (let p = 0; p < total; p++) {
    const v = data[p * dim]
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
  return lo <= hi ? [lo, hi] : [0, 1]
}

/** RGBA8 colours of the displayed particles, padded to `texels` entries. */
export function particleColors(input: ColorInput, colorBy: ColorBy, texels = input.count): Uint8Array {
  const { data, total, dim, labels, particles, count } = input
  const out = new Uint8Array(Math.max(texels, count) * 4)
  const byComponent = colorBy === 'component' && labels !== undefined
  const [lo, hi] = byComponent ? [0, 1] : initialRange(data, total, dim)
  const span = hi > lo ? hi - lo : 1
  for (let j = 0; j < count; j++) {
    const p = particles === null ? j : particles[j]
    const rgb = byComponent ? componentColor(labels[p]) : colorBy === 'component' ? PALETTE_RGB[0] : viridis((data[p * dim] - lo) / span)
    out.set(rgb, j * 4)
    out[j * 4 + 3] = 255
  }
  return out
}
