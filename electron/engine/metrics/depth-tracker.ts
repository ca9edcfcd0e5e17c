// The per-depth quantities that follow the particles from sample to sample: path length, kinetic
// energy (velocity field at the samples, or the broken line's implied velocity), merging of point pairs,
// class separability and, for Gaussian data, the (sigma_1, sigma_2, ...) shape beside the W2 gradient flow.
// The passes over whole clouds (step statistics, separability) come from depth-stats.ts, which may run
// on the pool; the tracker keeps what is stateful (the sums over depth) and what needs this thread (the
// velocity field, a TF.js model).
import type { DepthAnalysis, DepthMetrics } from '../../../shared/run'
import { gradientFlowSigmas, shapeSigmas } from './depth-gaussian'
import { meanSquaredNorm, type StepStatistics } from './depth-kinematics'
import { MergingProbe, type MergingOptions } from './depth-merging'
import type { VelocitySampler } from './depth-velocity'
import { sampleIndices } from './subsample'
import type { RandomSource } from './types'
import { message, type Message } from '../../../shared/messages'

export interface DepthTrackerOptions {
  /** evaluates the flow's velocity field: given, mean |v|^2 uses it ('field'), else the implied velocity */
  velocity?: VelocitySampler
  /** at most this many particles enter mean |v|^2 with a velocity field (default 20,000) */
  velocityMaxPoints?: number
  /** class of each particle (mixture component); separability needs at least two classes */
  labels?: Int32Array
  /** what the labels are: mixture components (sampled data, the default) or classes (classification data) */
  labelKind?: 'component' | 'class'
  /** the data are one Gaussian: record sigmas and the gradient-flow sigmas */
  gaussianShape?: boolean
  merging?: MergingOptions
}

export const DEFAULT_VELOCITY_POINTS = 20_000

export type TrackedFields = Pick<
  DepthMetrics,
  'meanSquaredVelocity' | 'kineticEnergy' | 'pathLength' | 'mergedFraction' | 'separability' | 'sigmas' | 'gradientFlowSigmas'
>

/** what observe() found at a sample */
export interface Observed {
  fieldMsv: number | null
  mergedFraction: number
}

/** the depth statistics the tracker uses */
export interface TrackedStats {
  /** from the previous sample (absent at depth 0) */
  step?: StepStatistics
  separability?: number | null
  covariance: number[][]
}

export class DepthTracker {
  private readonly merging: MergingProbe
  private readonly velocityIdx: Int32Array | null
  /** classes of the labels when at least two are present (separability), else 0 */
  readonly classes: number
  private prevMsv = 0
  private energy = 0
  private path = 0
  private startSigmas: number[] = []

  constructor(
    x0: Float32Array,
    private readonly n: number,
    private readonly d: number,
    private readonly depths: readonly number[],
    rng: RandomSource,
    private readonly options: DepthTrackerOptions = {}
  ) {
    this.merging = new MergingProbe(x0, n, d, rng, options.merging)
    this.velocityIdx = options.velocity ? sampleIndices(n, options.velocityMaxPoints ?? DEFAULT_VELOCITY_POINTS, rng) : null
    let classes = 0
    if (options.labels) for (let i = 0; i < n; i++) classes = Math.max(classes, options.labels[i] + 1)
    const present = new Set(options.labels ?? [])
    this.classes = present.size >= 2 ? classes : 0
  }

  /**
   * The part of sample s that needs this thread: mean |v|^2 of the velocity field (when given) and the
   * merged fraction. Samples must come in order 0, 1, ...; finish() follows with the depth's statistics.
   */
  async observe(s: number, x: Float32Array): Promise<Observed> {
    let fieldMsv: number | null = null
    if (this.options.velocity && this.velocityIdx) {
      fieldMsv = meanSquaredNorm(await this.options.velocity(x, this.velocityIdx, this.depths[s]), this.velocityIdx.length, this.d)
      const dt = s > 0 ? this.depths[s] - this.depths[s - 1] : 0
      if (s > 0) this.energy += 0.5 * dt * (fieldMsv + this.prevMsv)
      this.prevMsv = fieldMsv
    }
    return { fieldMsv, mergedFraction: this.merging.fraction(x) }
  }

  /** Fields of sample s from observe()'s and the depth's statistics (step from s - 1, separability, covariance). */
  finish(s: number, observed: Observed, stats: TrackedStats): TrackedFields {
    const dt = s > 0 ? this.depths[s] - this.depths[s - 1] : 0
    let msv = observed.fieldMsv
    if (stats.step && s > 0) {
      this.path += stats.step.meanStep
      if (!this.options.velocity && dt > 0) {
        // the broken line's velocity is constant on each step: its |v|^2 integral is exact
        msv = stats.step.meanSquaredStep / (dt * dt)
        this.energy += stats.step.meanSquaredStep / dt
      }
    }
    const out: TrackedFields = { meanSquaredVelocity: msv, kineticEnergy: this.energy, pathLength: this.path, mergedFraction: observed.mergedFraction }
    if (this.classes >= 2) out.separability = stats.separability ?? null
    if (this.options.gaussianShape) {
      const sigmas = shapeSigmas(stats.covariance)
      if (s === 0) this.startSigmas = sigmas
      out.sigmas = sigmas
      out.gradientFlowSigmas = gradientFlowSigmas(this.startSigmas, this.depths[s] - this.depths[0])
    }
    return out
  }

  constants(slicedPoints: number): DepthAnalysis {
    return {
      velocityMethod: this.options.velocity ? 'field' : 'implied',
      velocityPoints: this.velocityIdx ? this.velocityIdx.length : this.n,
      slicedPoints,
      merging: this.merging.constants,
      separabilityClasses: this.classes >= 2 ? this.classes : null,
      gaussianShape: !!this.options.gaussianShape
    }
  }

  notes(): Message[] {
    const notes: Message[] = []
    const v = this.velocityIdx
    notes.push(
      v
        ? v.length === this.n
          ? message('engine.noteKineticFieldAll', { n: this.n })
          : message('engine.noteKineticFieldSubsample', { m: v.length, n: this.n })
        : message('engine.noteKineticImplied', { n: this.n })
    )
    const m = this.merging.constants
    notes.push(
      message('engine.noteMerging', {
        pairs: m.pairs,
        startRatio: m.startRatio,
        median: m.inputMedianDistance.toPrecision(4),
        endRatio: m.endRatio,
        apart: m.apartPairs
      })
    )
    if (this.classes >= 2)
      notes.push(message(this.options.labelKind === 'class' ? 'views.noteSeparabilityClasses' : 'engine.noteSeparability', { classes: this.classes }))
    if (this.options.gaussianShape) notes.push(message('engine.noteGaussianShape'))
    return notes
  }
}
