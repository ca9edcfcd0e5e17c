// Shared pieces of the entropic OT solvers: options, results, argument checks, the annealing start, the
// dual value and the over-relaxed update (used by the threaded solver and the single-thread fallback).
import type { Cloud } from '../types'
import { message, MessageError } from '../../../../shared/messages'

export interface SinkhornOptions {
  /** entropic regularisation, in squared-distance units (> 0) */
  eps: number
  /** most iterations (one update of each potential; the symmetric terms count one averaged update) */
  iterations: number
  /** stop when the plan's marginals are within this of the weights (L1, rows + columns); 0 never stops early */
  tolerance: number
  /**
   * eps-scaling factor q in (0, 1) (0 or absent: off): start at the squared diameter of the clouds and
   * multiply eps by q each iteration until the target (each such step is an exact log-domain update);
   * these steps count as iterations. Without it eps is fixed from the first iteration, as in POT. Clouds far apart
   * relative to sqrt(eps) need it: from a cold start at small eps, mass moves a little per iteration.
   * The symmetric terms OT(a,a), OT(b,b) do not use it (their averaged iteration converges from T(0)).
   */
  annealing?: number
  /**
   * over-relaxation omega in [1, 2) (Thibault et al. 2021): s <- s^(1-omega) / q^omega for the scaling
   * updates. Several times fewer iterations at moderate eps; it is only locally convergent, so it falls
   * back to 1 if the marginal error at the target eps grows tenfold. Default 1 (POT).
   */
  overRelaxation?: number
  /**
   * storage of the kernel the iterations read: float64, or float32 (half the memory traffic of the
   * products, which bound the iterations; every product, sum and potential stays float64, and the kernel
   * is rebuilt in float64, so the result moves by about 1e-7 relative). Default 'auto': float32 from
   * FLOAT32_KERNEL_ENTRIES entries on, where sampling error dwarfs that.
   */
  kernelPrecision?: 'auto' | 'float64' | 'float32'
}

export interface EntropicOtResult {
  /** OT_eps with the entropy term (dual value) */
  value: number
  /** <P, C> of the final plan */
  transportCost: number
  iterations: number
  /** L1 distance of the final plan's row and column sums from the weights (rows exact without over-relaxation) */
  marginalError: number
  converged: boolean
  /** exact log-domain kernel rebuilds (the initial one included) */
  rebuilds: number
}

export interface SinkhornDivergenceResult {
  value: number
  ab: EntropicOtResult
  aa: EntropicOtResult
  bb: EntropicOtResult
}

/** Scalings stay within e^-TAU..e^TAU between rebuilds: entries that matter keep full float64 precision. */
export const TAU = 50
export const LO = Math.exp(-TAU)
export const HI = Math.exp(TAU)
/** kernels with at least this many entries (e.g. 512 x 512) are stored in float32 under 'auto' */
export const FLOAT32_KERNEL_ENTRIES = 2 ** 18

export function useFloat32(n: number, m: number, opts: SinkhornOptions): boolean {
  const p = opts.kernelPrecision ?? 'auto'
  return p === 'float32' || (p === 'auto' && n * m >= FLOAT32_KERNEL_ENTRIES)
}

export function float64(x: Cloud): Float64Array {
  return x instanceof Float64Array ? x : Float64Array.from(x)
}

export function checkArgs(n: number, m: number, opts: SinkhornOptions): void {
  if (n < 1 || m < 1) throw new MessageError(message('engine.sinkhornEmpty'))
  if (!(opts.eps > 0) || !Number.isFinite(opts.eps)) throw new Error(`eps must be a positive number, got ${opts.eps}`)
  if (!(opts.iterations >= 1)) throw new Error(`iterations must be at least 1, got ${opts.iterations}`)
  if (opts.annealing !== undefined && !(opts.annealing >= 0 && opts.annealing < 1)) throw new Error(`annealing must be in [0, 1), got ${opts.annealing}`)
  if (opts.overRelaxation !== undefined && !(opts.overRelaxation >= 1 && opts.overRelaxation < 2))
    throw new Error(`overRelaxation must be in [1, 2), got ${opts.overRelaxation}`)
  if (n * m > 2 ** 27) throw new MessageError(message('engine.sinkhornKernelTooLarge', { n, m }))
}

/** The starting eps of the annealing: an upper bound of every squared distance (bounding box diagonal). */
export function startEps(x: Float64Array, n: number, y: Float64Array, m: number, d: number, opts: SinkhornOptions): number {
  if (!opts.annealing) return opts.eps
  let diam = 0
  for (let k = 0; k < d; k++) {
    let lo = Infinity
    let hi = -Infinity
    for (let i = 0; i < n; i++) {
      lo = Math.min(lo, x[i * d + k])
      hi = Math.max(hi, x[i * d + k])
    }
    for (let j = 0; j < m; j++) {
      lo = Math.min(lo, y[j * d + k])
      hi = Math.max(hi, y[j * d + k])
    }
    diam += (hi - lo) ** 2
  }
  return Math.max(opts.eps, diam)
}

export function dual(weight: number, anchor: Float64Array, scaling: Float64Array, eps: number): number {
  let s = 0
  for (let i = 0; i < anchor.length; i++) s += anchor[i] + eps * Math.log(scaling[i])
  return weight * s
}

/** Over-relaxed scaling update s <- s^(1 - omega) / q^omega (omega = 1: the Sinkhorn update 1/q). */
export function relaxed(s: number, q: number, omega: number): number {
  return omega === 1 ? 1 / q : Math.exp((1 - omega) * Math.log(s) - omega * Math.log(q))
}
