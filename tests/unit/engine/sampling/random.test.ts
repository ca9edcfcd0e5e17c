// Seeded random streams: reproducible, seed- and label-dependent, and with the right moments.
import { describe, expect, it } from 'vitest'
import { createRng } from '../../../../electron/engine/sampling/random'

const draw = (n: number, f: () => number): number[] => Array.from({ length: n }, f)

describe('createRng', () => {
  it('is reproducible for a seed and differs between seeds', () => {
    const a = createRng(7)
    const b = createRng(7)
    const c = createRng(8)
    const xa = draw(100, () => a.uniform())
    expect(draw(100, () => b.uniform())).toEqual(xa)
    const xc = draw(100, () => c.uniform())
    expect(xc.filter((v, i) => v === xa[i]).length).toBe(0)
  })

  it('forks depend on the seed and label only, not on how much the parent has drawn', () => {
    const fresh = createRng(7).fork('data')
    const f1 = draw(20, () => fresh.uniform())
    const b = createRng(7)
    draw(1000, () => b.normal())
    const fb = b.fork('data')
    expect(draw(20, () => fb.uniform())).toEqual(f1)
    const p = createRng(7).fork('projection')
    const d = createRng(7).fork('data')
    const xp = draw(100, () => p.uniform())
    const xd = draw(100, () => d.uniform())
    expect(xp.filter((v, i) => v === xd[i]).length).toBe(0)
    // nested forks are distinct from flat ones with a similar label
    expect(createRng(7).fork('a').fork('b').uniform()).not.toBe(createRng(7).fork('ab').uniform())
  })

  it('uniform lies in [0, 1) with mean 1/2 and variance 1/12', () => {
    const r = createRng(1)
    const n = 200_000
    const x = draw(n, () => r.uniform())
    expect(x.reduce((a, b) => Math.min(a, b))).toBeGreaterThanOrEqual(0)
    expect(x.reduce((a, b) => Math.max(a, b))).toBeLessThan(1)
    const mean = x.reduce((s, v) => s + v, 0) / n
    const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / n
    // standard errors: 0.00065 for the mean, 0.00015 for the variance
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.003)
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.001)
  })

  it('normal has mean 0, variance 1 and Gaussian tails', () => {
    const r = createRng(2)
    const n = 200_000
    const x = draw(n, () => r.normal())
    const mean = x.reduce((s, v) => s + v, 0) / n
    const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / n
    const beyond2 = x.filter((v) => Math.abs(v) > 2).length / n
    expect(Math.abs(mean)).toBeLessThan(0.01)
    expect(Math.abs(variance - 1)).toBeLessThan(0.015)
    // P(|Z| > 2) = 0.0455; standard error 0.00047
    expect(Math.abs(beyond2 - 0.0455)).toBeLessThan(0.002)
  })

  it('int(n) covers 0..n-1 evenly and rejects bad n', () => {
    const r = createRng(3)
    const counts = new Array<number>(5).fill(0)
    for (let i = 0; i < 50_000; i++) counts[r.int(5)]++
    counts.forEach((c) => expect(Math.abs(c / 50_000 - 0.2)).toBeLessThan(0.01))
    expect(() => r.int(0)).toThrow(RangeError)
    expect(() => r.int(2.5)).toThrow(RangeError)
  })
})
