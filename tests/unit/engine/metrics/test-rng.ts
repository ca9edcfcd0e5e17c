// A tiny seeded generator for the analysis tests (mulberry32 + Box-Muller), independent of the engine's Rng.
import type { RandomSource } from '../../../../electron/engine/metrics/types'

export function testRng(seed: number): RandomSource {
  let a = seed >>> 0
  let spare: number | undefined
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const normal = (): number => {
    if (spare !== undefined) {
      const s = spare
      spare = undefined
      return s
    }
    let u = 0
    while (u === 0) u = uniform()
    const r = Math.sqrt(-2 * Math.log(u))
    const th = 2 * Math.PI * uniform()
    spare = r * Math.sin(th)
    return r * Math.cos(th)
  }
  return { uniform, normal }
}

/** n samples of N(mean, diag(variances)) as a flat [n, D] Float32Array. */
export function gaussianCloud(n: number, mean: number[], variances: number[], seed: number): Float32Array {
  const rng = testRng(seed)
  const d = mean.length
  const x = new Float32Array(n * d)
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) x[i * d + j] = mean[j] + Math.sqrt(variances[j]) * rng.normal()
  return x
}
