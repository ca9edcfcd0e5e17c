// Test helpers for the mixture kernel: random mixtures with a known singular time, particle clouds, and
// the same transport run twice, once on the kernel (the engine's own integrate) and once on TF.js (an
// injected integrator, which transport() never hands to the kernel).
import type { MixtureDef } from '../../../../shared/presets'
import { createRng } from '../../../../electron/engine/sampling/random'
import { continuousDaeField } from '../../../../electron/engine/flows/continuous-dae'
import { createJobContext, type ProgressListener } from '../../../../electron/engine/jobs/context'
import { transport, type TransportInput } from '../../../../electron/engine/jobs/transport'
import { integrate } from '../../../../electron/engine/solvers/integrate'
import type { Integrator, SolverOptions } from '../../../../electron/engine/solvers/types'

/** the TF.js path: the same solvers, but not the engine's integrate, so transport() keeps them */
export const tfIntegrate: Integrator = (...args) => integrate(...args)

/** K components in D dimensions; every covariance is A A^T + 0.6 I, so t* >= 0.3 */
export function randomMixture(k: number, dim: number, seed: number): MixtureDef {
  const rng = createRng(seed)
  const raw = Array.from({ length: k }, () => 0.2 + rng.uniform())
  const total = raw.reduce((a, b) => a + b, 0)
  return {
    kind: 'mixture',
    weights: raw.map((w) => w / total),
    means: Array.from({ length: k }, () => Array.from({ length: dim }, () => 1.5 * rng.normal())),
    covariances: Array.from({ length: k }, () => {
      const a = Array.from({ length: dim }, () => Array.from({ length: dim }, () => 0.5 * rng.normal()))
      return a.map((row, i) => a.map((col, j) => row.reduce((s, v, l) => s + v * col[l], 0) + (i === j ? 0.6 : 0)))
    })
  }
}

export function cloud(n: number, dim: number, seed: number, scale = 2): Float32Array {
  const rng = createRng(seed)
  return Float32Array.from({ length: n * dim }, () => scale * rng.normal())
}

export function transportInput(
  mix: MixtureDef,
  positions: Float32Array,
  depths: number[],
  solverOptions: SolverOptions,
  onProgress?: ProgressListener,
  signal = new AbortController().signal
): TransportInput {
  const dim = mix.means[0].length
  return {
    flow: { type: 'field', field: continuousDaeField(mix), notes: [] },
    positions,
    count: positions.length / dim,
    dim,
    depths,
    integrate,
    solverOptions,
    ctx: createJobContext(signal, onProgress),
    pool: null
  }
}

/** max over entries of |a - b| / max(1, |b|) */
export function maxRelDiff(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} and ${b.length}`)
  let m = 0
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])))
  return m
}

/** the error a run throws (fails the test if it does not throw) */
export async function failure(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run()
  } catch (e) {
    return e as Error
  }
  throw new Error('expected the run to fail')
}

export { transport }
