// Synthetic trajectories for the viewer benchmark: a seeded two-component mixture (like the paper's
// (47)) contracting towards its component means, x_t = m_k + sqrt(1 - 2t / s^2) (x_0 - m_k) per axis.
import type { TrajectoryData } from '../../../shared/contract'

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function syntheticRun(particles: number, samples: number, dim: number, depth = 0.45, seed = 7): TrajectoryData {
  const rand = mulberry32(seed)
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())
  const means = [
    [-1, 0, 0],
    [1, 0, 0]
  ]
  const variances = [
    [1, 1, 1],
    [2, 1, 1.5]
  ]
  const labels = new Int32Array(particles)
  const x0 = new Float32Array(particles * dim)
  for (let p = 0; p < particles; p++) {
    const k = rand() < 0.2 ? 0 : 1
    labels[p] = k
    for (let d = 0; d < dim; d++) x0[p * dim + d] = means[k][d] + Math.sqrt(variances[k][d]) * gauss()
  }
  const depths = Array.from({ length: samples }, (_, s) => (depth * s) / (samples - 1))
  const data = new Float32Array(samples * particles * dim)
  for (let s = 0; s < samples; s++) {
    const t = depths[s]
    for (let p = 0; p < particles; p++) {
      const k = labels[p]
      for (let d = 0; d < dim; d++) {
        const f = Math.sqrt(Math.max(0, 1 - (2 * t) / variances[k][d]))
        data[(s * particles + p) * dim + d] = means[k][d] + f * (x0[p * dim + d] - means[k][d])
      }
    }
  }
  return { shape: [samples, particles, dim], depths, data, labels }
}
