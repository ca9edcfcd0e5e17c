// Preset data distributions: the paper's 2-D examples (eqs. 44-47) and a few teaching cases.
// Each resolves to a Gaussian mixture (closed-form flows apply) or a sampled set (empirical flows only).
import type { Matrix } from './matrix'

export interface MixtureDef {
  kind: 'mixture'
  weights: number[]
  means: number[][]
  covariances: Matrix[]
}

export interface SampledDef {
  kind: 'swiss-roll'
  dimension: 2 | 3
  noise: number
}

/** an imported dataset's rows (feature columns `columns`): the empirical distribution the particles are drawn from */
export interface DatasetDef {
  kind: 'dataset'
  id: string
  columns: number[]
  dimension: number
}

export type ResolvedDistribution = MixtureDef | SampledDef | DatasetDef

export const PRESET_NAMES = ['paper-44', 'paper-45', 'paper-46', 'paper-47', 'normal-1d', 'gaussian-3d', 'swiss-roll-2d', 'swiss-roll-3d'] as const
export type PresetName = (typeof PRESET_NAMES)[number]

const I2: Matrix = [
  [1, 0],
  [0, 1]
]

export const PRESETS: Record<PresetName, ResolvedDistribution> = {
  'paper-44': {
    kind: 'mixture',
    weights: [1],
    means: [[0, 0]],
    covariances: [
      [
        [2, 0],
        [0, 1]
      ]
    ]
  },
  'paper-45': {
    kind: 'mixture',
    weights: [0.5, 0.5],
    means: [
      [-1, 0],
      [1, 0]
    ],
    covariances: [I2, I2]
  },
  'paper-46': {
    kind: 'mixture',
    weights: [0.2, 0.8],
    means: [
      [-1, 0],
      [1, 0]
    ],
    covariances: [I2, I2]
  },
  'paper-47': {
    kind: 'mixture',
    weights: [0.2, 0.8],
    means: [
      [-1, 0],
      [1, 0]
    ],
    covariances: [
      I2,
      [
        [2, 0],
        [0, 1]
      ]
    ]
  },
  'normal-1d': { kind: 'mixture', weights: [1], means: [[0]], covariances: [[[1]]] },
  'gaussian-3d': {
    kind: 'mixture',
    weights: [1],
    means: [[0, 0, 0]],
    covariances: [
      [
        [2, 0.6, 0],
        [0.6, 1, 0],
        [0, 0, 1.5]
      ]
    ]
  },
  'swiss-roll-2d': { kind: 'swiss-roll', dimension: 2, noise: 0.05 },
  'swiss-roll-3d': { kind: 'swiss-roll', dimension: 3, noise: 0.05 }
}

export function presetDimension(name: PresetName): number {
  const p = PRESETS[name]
  return p.kind === 'mixture' ? p.means[0].length : p.dimension
}
