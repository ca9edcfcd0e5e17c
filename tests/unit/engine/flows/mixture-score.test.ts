// The batched mixture score against central finite differences of the float64 log density, for
// K = 1, 2 (sigmoid path) and 3 (softmax path), D = 1..3, including points far out in the tails.
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import type { MixtureDef } from '../../../../shared/presets'
import { mixtureLogDensity, prepareMixture } from '../../../../electron/engine/sampling/mixture'
import { mixtureConstants, mixtureScore } from '../../../../electron/engine/flows/mixture-score'

beforeAll(async () => {
  await initBackend('wasm')
})

function numericScore(mix: MixtureDef, x: number[]): number[] {
  const p = prepareMixture(mix)
  const e = 1e-5
  return x.map((_, i) => {
    const a = x.slice()
    const b = x.slice()
    a[i] += e
    b[i] -= e
    return (mixtureLogDensity(p, a) - mixtureLogDensity(p, b)) / (2 * e)
  })
}

const cases: [string, MixtureDef, number[][]][] = [
  ['1-D single', { kind: 'mixture', weights: [1], means: [[0.3]], covariances: [[[0.7]]] }, [[-2], [0.3], [4]]],
  [
    '2-D two components (47)',
    {
      kind: 'mixture',
      weights: [0.2, 0.8],
      means: [
        [-1, 0],
        [1, 0]
      ],
      covariances: [
        [
          [1, 0],
          [0, 1]
        ],
        [
          [2, 0],
          [0, 1]
        ]
      ]
    },
    [
      [-3, 1],
      [0, 0],
      [0.2, -0.7],
      [2, 2],
      [-40, 3],
      [35, -20]
    ]
  ],
  [
    '3-D three correlated components',
    {
      kind: 'mixture',
      weights: [0.5, 0.3, 0.2],
      means: [
        [0, 0, 0],
        [2, -1, 0.5],
        [-1, 2, 1]
      ],
      covariances: [
        [
          [1, 0.3, 0],
          [0.3, 0.8, 0.1],
          [0, 0.1, 0.5]
        ],
        [
          [0.6, -0.2, 0],
          [-0.2, 1.2, 0],
          [0, 0, 0.9]
        ],
        [
          [2, 0, 0.4],
          [0, 0.5, 0],
          [0.4, 0, 1]
        ]
      ]
    },
    [
      [0, 0, 0],
      [1, 0.5, 0.2],
      [-0.5, 1.5, 0.9],
      [3, -2, 1],
      [30, 25, -40]
    ]
  ]
]

describe('mixtureScore', () => {
  it.each(cases)('%s matches finite differences of the log density', (_name, mix, points) => {
    const c = mixtureConstants(mix.weights, mix.means, mix.covariances)
    const x = tf.tensor2d(points)
    const before = tf.memory().numTensors
    const s = tf.tidy(() => mixtureScore(x, c))
    expect(tf.memory().numTensors).toBe(before + 1)
    const got = s.arraySync() as number[][]
    points.forEach((p, i) => {
      const want = numericScore(mix, p)
      // float32: relative 1e-5 of the score plus the rounding of x (|P| |x| eps)
      want.forEach((w, j) => expect(Math.abs(got[i][j] - w)).toBeLessThan(1e-5 * Math.max(1, Math.abs(w)) + 2e-6 * Math.max(...p.map(Math.abs))))
    })
    s.dispose()
    x.dispose()
  })
})
