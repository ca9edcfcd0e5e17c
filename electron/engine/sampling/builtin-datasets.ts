// Labelled toy datasets built in (moons, circles, spirals, helix pair, S-curve, Gaussian blobs), seeded,
// for running existing models and learned flows on data with known geometry. Classes are balanced:
// point i belongs to class i mod (number of classes), except the S-curve, labelled by position along it.
import { BUILTIN_DATASETS, type BuiltinName } from '../../../shared/layers'
import { createRng, type Rng } from './random'

export { BUILTIN_DATASETS, type BuiltinInfo, type BuiltinName } from '../../../shared/layers'

export interface BuiltinDataset {
  /** row-major [n, d] */
  points: Float64Array
  n: number
  d: number
  labels: Int32Array
  classes: string[]
}

/** Gaussian noise (standard deviation per coordinate) added to every point, by dataset. */
export const BUILTIN_NOISE: Record<BuiltinName, number> = {
  moons: 0.05,
  circles: 0.03,
  spirals: 0.05,
  'helix-pair': 0.05,
  's-curve': 0.05,
  'gaussian-blobs': 0.5
}

export const BUILTIN_NAMES: readonly BuiltinName[] = BUILTIN_DATASETS.map((b) => b.name)

export function isBuiltinName(name: string): name is BuiltinName {
  return (BUILTIN_NAMES as readonly string[]).includes(name)
}

/** S-curve: t in [-3pi/2, 3pi/2], x = sin t, z = sign(t)(cos t - 1), y uniform in [0, 2] (scikit-learn's make_s_curve). */
export const S_CURVE_T = 1.5 * Math.PI
/** centres of the Gaussian blobs (class c at CENTRE_DISTANCE on axis c) */
export const BLOB_DISTANCE = 2

type Generator = (i: number, cls: number, rng: Rng, out: number[]) => number | void

function build(n: number, d: number, classes: string[], rng: Rng, noise: number, gen: Generator): BuiltinDataset {
  const points = new Float64Array(n * d)
  const labels = new Int32Array(n)
  const noiseRng = rng.fork('noise')
  const shapeRng = rng.fork('shape')
  const row: number[] = new Array<number>(d).fill(0)
  for (let i = 0; i < n; i++) {
    const cls = i % classes.length
    const relabel = gen(i, cls, shapeRng, row)
    labels[i] = typeof relabel === 'number' ? relabel : cls
    for (let j = 0; j < d; j++) points[i * d + j] = row[j] + noise * noiseRng.normal()
  }
  return { points, n, d, labels, classes }
}

export function builtinDataset(name: BuiltinName, n: number, seed: number): BuiltinDataset {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`)
  if (!isBuiltinName(name)) throw new RangeError(`unknown built-in dataset "${String(name)}" (${BUILTIN_NAMES.join(', ')})`)
  const rng = createRng(seed).fork(`builtin:${name}`)
  const noise = BUILTIN_NOISE[name]
  switch (name) {
    case 'moons':
      // upper arc of the unit circle at the origin; lower arc centred at (1, 0.5) (scikit-learn's make_moons)
      return build(n, 2, ['upper moon', 'lower moon'], rng, noise, (_i, c, r, o) => {
        const t = Math.PI * r.uniform()
        o[0] = c === 0 ? Math.cos(t) : 1 - Math.cos(t)
        o[1] = c === 0 ? Math.sin(t) : 0.5 - Math.sin(t)
      })
    case 'circles':
      return build(n, 2, ['outer circle', 'inner circle'], rng, noise, (_i, c, r, o) => {
        const t = 2 * Math.PI * r.uniform()
        const radius = c === 0 ? 1 : 0.5
        o[0] = radius * Math.cos(t)
        o[1] = radius * Math.sin(t)
      })
    case 'spirals':
      // radius s, angle 3 pi s + pi c for s in [0.1, 1]: the second spiral is the first turned by pi
      return build(n, 2, ['spiral A', 'spiral B'], rng, noise, (_i, c, r, o) => {
        const s = 0.1 + 0.9 * r.uniform()
        const a = 3 * Math.PI * s + Math.PI * c
        o[0] = s * Math.cos(a)
        o[1] = s * Math.sin(a)
      })
    case 'helix-pair':
      return build(n, 3, ['helix A', 'helix B'], rng, noise, (_i, c, r, o) => {
        const h = 2 * r.uniform() - 1
        const a = 2 * Math.PI * (h + 1) + Math.PI * c
        o[0] = Math.cos(a)
        o[1] = Math.sin(a)
        o[2] = h
      })
    case 's-curve':
      return build(n, 3, ['band 1', 'band 2', 'band 3'], rng, noise, (i, _c, r, o) => {
        // balanced bands: point i is drawn uniformly inside band i mod 3 of t
        const band = i % 3
        const t = S_CURVE_T * ((2 * (band + r.uniform())) / 3 - 1)
        o[0] = Math.sin(t)
        o[1] = 2 * r.uniform()
        o[2] = Math.sign(t) * (Math.cos(t) - 1)
        return band
      })
    case 'gaussian-blobs':
      return build(n, 3, ['blob x', 'blob y', 'blob z'], rng, noise, (_i, c, _r, o) => {
        o[0] = c === 0 ? BLOB_DISTANCE : 0
        o[1] = c === 1 ? BLOB_DISTANCE : 0
        o[2] = c === 2 ? BLOB_DISTANCE : 0
      })
  }
}
