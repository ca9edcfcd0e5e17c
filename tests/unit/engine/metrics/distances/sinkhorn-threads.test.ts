// The threaded Sinkhorn (kernel passes split by rows across helper threads) against itself on one thread
// and with the plain-JS products: the same iterates, so the same values to rounding, with rebuilds,
// annealing, over-relaxation and both kernel precisions; and the threaded plan against a naive scaling
// Sinkhorn written out here (independent truth).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { entropicOt } from '../../../../../electron/engine/metrics/sinkhorn'
import type { SinkhornOptions } from '../../../../../electron/engine/metrics/sinkhorn/common'
import { solveShared } from '../../../../../electron/engine/metrics/sinkhorn/parallel'
import { SharedProblem, type ProblemOptions } from '../../../../../electron/engine/metrics/sinkhorn/shared'
import { testRng } from '../test-rng'

const KEY = 'NAGARE_SINKHORN_THREADS'
let saved: string | undefined
beforeEach(() => {
  saved = process.env[KEY]
  process.env[KEY] = '3'
})
afterEach(() => {
  if (saved === undefined) delete process.env[KEY]
  else process.env[KEY] = saved
})

/** n standard normal points in d dimensions, float64 */
function gaussianCloud(n: number, d: number, seed: number): Float64Array {
  const rng = testRng(seed)
  return Float64Array.from({ length: n * d }, () => rng.normal())
}

function solveWith(x: Float64Array, n: number, y: Float64Array, m: number, d: number, opts: SinkhornOptions, problem: ProblemOptions) {
  const p = new SharedProblem(x, n, y, m, d, problem)
  try {
    expect(p.threads).toBe(problem.threads)
    return solveShared(p, x, y, opts)
  } finally {
    p.release()
  }
}

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300)

describe('threaded entropic OT', () => {
  it('runs its passes on helper threads', () => {
    const x = gaussianCloud(300, 2, 1)
    const p = new SharedProblem(x, 300, x, 300, 2, { float32: false })
    try {
      expect(p.threads).toBe(3)
    } finally {
      p.release()
    }
  })

  // the small-eps case must exercise the exact log-domain rebuilds (checked below)
  const cases: [string, number, number, number, object][] = [
    ['plain, float64 kernel, 2-D', 257, 301, 2, { eps: 0.1, iterations: 60, tolerance: 0, kernelPrecision: 'float64' }],
    ['plain, float32 kernel, 3-D', 400, 350, 3, { eps: 0.1, iterations: 60, tolerance: 0, kernelPrecision: 'float32' }],
    ['small eps (log-domain rebuilds), 1-D', 200, 180, 1, { eps: 1e-3, iterations: 300, tolerance: 0, kernelPrecision: 'float64' }],
    [
      'annealing + over-relaxation to tolerance, 5-D',
      150,
      170,
      5,
      { eps: 0.05, iterations: 2000, tolerance: 1e-9, annealing: 0.5, overRelaxation: 1.8, kernelPrecision: 'float64' }
    ]
  ]
  for (const [name, n, m, d, opts] of cases) {
    it(`gives the same result on 3 threads, 1 thread and with plain-JS products: ${name}`, () => {
      const x = gaussianCloud(n, d, 11)
      const y = gaussianCloud(m, d, 12).map((v) => 1.3 * v + 0.2)
      const o = opts as SinkhornOptions
      const float32 = o.kernelPrecision === 'float32'
      const par = solveWith(x, n, y, m, d, o, { float32, threads: 3 })
      const one = solveWith(x, n, y, m, d, o, { float32, threads: 1 })
      const js = solveWith(x, n, y, m, d, o, { float32, threads: 2, plainKernels: true })
      if (name.startsWith('small eps')) expect(one.rebuilds).toBeGreaterThan(1)
      for (const other of [one, js]) {
        expect(par.iterations).toBe(other.iterations)
        expect(par.rebuilds).toBe(other.rebuilds)
        expect(par.converged).toBe(other.converged)
        expect(rel(par.value, other.value)).toBeLessThan(1e-12)
        expect(rel(par.transportCost, other.transportCost)).toBeLessThan(1e-12)
        expect(Math.abs(par.marginalError - other.marginalError)).toBeLessThan(1e-12)
      }
    })
  }

  it('matches a naive scaling Sinkhorn (POT sinkhorn_knopp) after the same iterations', () => {
    const n = 120
    const m = 90
    const x = gaussianCloud(n, 2, 3)
    const y = gaussianCloud(m, 2, 4).map((v) => 0.8 * v)
    const eps = 0.5
    const iterations = 25
    const C = (i: number, j: number): number => (x[2 * i] - y[2 * j]) ** 2 + (x[2 * i + 1] - y[2 * j + 1]) ** 2
    let u = new Float64Array(n).fill(1 / n)
    let v = new Float64Array(m)
    for (let t = 0; t < iterations; t++) {
      v = Float64Array.from({ length: m }, (_, j) => 1 / m / u.reduce((s, ui, i) => s + ui * Math.exp(-C(i, j) / eps), 0))
      u = Float64Array.from({ length: n }, (_, i) => 1 / n / v.reduce((s, vj, j) => s + Math.exp(-C(i, j) / eps) * vj, 0))
    }
    let cost = 0
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) cost += u[i] * Math.exp(-C(i, j) / eps) * v[j] * C(i, j)
    const got = entropicOt(x, n, y, m, 2, { eps, iterations, tolerance: 0, kernelPrecision: 'float64' })
    expect(rel(got.transportCost, cost)).toBeLessThan(1e-10)
  })
})
