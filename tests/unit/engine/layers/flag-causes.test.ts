// Flags that point at the cause, on designed stacks with known answers: a ReLU bottleneck that merges
// points of different classes (fractions checked against a brute-force count of coinciding pairs), whose
// loss is carried on by every later layer and reported once; a classifier's output collapsing each class
// (its job: not flagged) against the same collapse in a hidden layer; negative entropy explained.
import { describe, expect, it } from 'vitest'
import { storedEnglish as en } from '../../../../shared/messages'
import { analyzeLayers } from '../../../../electron/engine/layers/analyze'
import type { LayerData } from '../../../../electron/engine/layers/dumps'

const n = 200
// a 20 x 10 grid, spacing 1, centred: every input pair is distinct; class = right half
const grid = Float64Array.from({ length: 2 * n }, (_, t) => (t % 2 === 0 ? (Math.floor(t / 2) % 20) - 9.5 : Math.floor(t / 40) - 4.5))
const labels = Int32Array.from({ length: n }, (_, i) => (grid[2 * i] > 0 ? 1 : 0))
const map = (f: (x: number, y: number) => number[]): Float64Array => {
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push(...f(grid[2 * i], grid[2 * i + 1]))
  return Float64Array.from(out)
}
const layer = (name: string, data: Float64Array): LayerData => ({ name, n, width: data.length / n, data })

/** share of input pairs (all distinct) of different / equal labels whose images coincide */
function bruteMerging(y: Float64Array, w: number): { across: number; within: number } {
  const seen = [0, 0]
  const merged = [0, 0]
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const same = labels[i] === labels[j] ? 1 : 0
      seen[same]++
      let d = 0
      for (let c = 0; c < w; c++) d += Math.abs(y[i * w + c] - y[j * w + c])
      if (d === 0) merged[same]++
    }
  return { across: merged[0] / seen[0], within: merged[1] / seen[1] }
}

describe('flags that point at the cause', () => {
  it('a ReLU bottleneck merging across classes is flagged once, at the bottleneck, with the later layers under it', () => {
    // the bottleneck keeps only relu(y): points of both classes with y <= 0 (and equal y above) coincide
    const bottleneck = map((_x, y) => [Math.max(0, y), 0])
    const stack = [
      layer('input', grid),
      layer(
        'dense',
        map((x, y) => [0.6 * x - 0.8 * y, 0.8 * x + 0.6 * y])
      ),
      layer('bottleneck', bottleneck),
      layer(
        'after',
        bottleneck.map((v) => 3 * v + 1)
      ),
      layer(
        'head',
        map((_x, y) => [Math.tanh(Math.max(0, y)), 2])
      )
    ]
    const r = analyzeLayers(stack, { labels, k: 5 })
    const truth = bruteMerging(bottleneck, 2)
    // by hand: of the 100 x 100 cross-class pairs, rows y <= 0 (5 of 10) all coincide, 25 row pairs x 100,
    // plus the 5 positive rows with themselves, 5 x 100: 3000 / 10000
    expect(truth.across).toBeCloseTo(0.3, 15)
    expect(r.rows[2].mergingAcross).toBeCloseTo(truth.across, 12)
    expect(r.rows[2].mergingWithin).toBeCloseTo(truth.within, 12)
    expect(r.rows[3].mergingNew).toBe(0)
    const merging = r.flags.filter((f) => f.kind === 'merging')
    expect(merging).toHaveLength(1)
    expect(merging[0]).toMatchObject({ layer: 2, scope: 'across-classes', inherited: [3, 4], rows: [2, 3, 4], explanation: 'shift.explainMergingAcross' })
    expect(merging[0].value).toBeCloseTo(truth.across, 12)
    expect(en(merging[0].message)).toMatch(/^layer 2 \(bottleneck\) merges \d+% of pairs of different classes that were distinct at the input/)
    // the same stack without labels: one flag, said without a class judgement
    const plain = analyzeLayers(stack, { k: 5 }).flags.filter((f) => f.kind === 'merging')
    expect(plain.map((f) => [f.layer, f.scope, f.inherited])).toEqual([[2, 'unlabelled', [3, 4]]])
  })

  it('an output layer collapsing each class is doing its job; the same collapse in a hidden layer is flagged as within-class', () => {
    const collapse = map((x) => (x > 0 ? [1, -1] : [-1, 1]))
    const asOutput = analyzeLayers(
      [
        layer('input', grid),
        layer(
          'hidden',
          map((x, y) => [x, y])
        ),
        layer('logits', collapse)
      ],
      { labels, k: 5 }
    )
    expect(asOutput.outputLayer).toBe(2)
    expect(asOutput.rows[2].mergingAcross).toBe(0)
    expect(asOutput.rows[2].mergingWithin).toBeCloseTo(bruteMerging(collapse, 2).within, 12)
    expect(asOutput.flags.filter((f) => f.kind === 'merging' || f.kind === 'neighbours')).toEqual([])
    expect(asOutput.notes!.map(en)).toContain(
      'layer 2 (logits) is read as the output layer: merging within a class and lost neighbours are its job there and are not flagged; merging across classes is'
    )

    const asHidden = analyzeLayers(
      [
        layer('input', grid),
        layer('squeeze', collapse),
        layer(
          'wider',
          map((x) => (x > 0 ? [1, -1, 0] : [-1, 1, 0]))
        )
      ],
      { labels, k: 5, outputLayer: null }
    )
    const m = asHidden.flags.filter((f) => f.kind === 'merging')
    expect(m.map((f) => [f.layer, f.scope, f.inherited])).toEqual([[1, 'within-class', [2]]])
    expect(en(m[0].remedy)).toMatch(/harmless if the task never needs them/)
  })

  it('explains negative differential entropy of a low-width layer', () => {
    const small = grid.map((v) => v * 0.001)
    const r = analyzeLayers([layer('input', grid), layer('small', small)], { k: 5 })
    expect(r.rows[1].entropy as number).toBeLessThan(0)
    expect(en(r.rows[1].entropyNote!)).toMatch(/^negative differential entropy \(-\d+\.\d\d nats\) is expected, not an error: in 2 dimensions/)
    expect(r.rows[0].entropy as number).toBeGreaterThan(0)
    expect(r.rows[0].entropyNote).toBeNull()
  })

  it('uses marked residual stretches and says so', () => {
    const step = (s: number) =>
      layer(
        `b${s}`,
        grid.map((v) => v + 0.1 * s)
      )
    const stack = [layer('input', grid), step(1), step(2), step(3)]
    const marked = analyzeLayers(stack, {
      k: 5,
      residualBlocks: [
        { from: 1, to: 2 },
        { from: 2, to: 3 }
      ]
    })
    expect(marked.stretches).toEqual([{ from: 1, to: 3, width: 2, h: 0.5 }])
    expect(marked.stretchSource).toBe('marked')
    expect(marked.notes!.map(en)).toContain('residual stretches as marked in layers.json or read from the model graph')
    expect(marked.rows[1].update).toBeNull()
    expect(analyzeLayers(stack, { k: 5 }).stretches).toEqual([{ from: 0, to: 3, width: 2, h: 1 / 3 }])
  })
})
