// Pure helpers of the experiment draft: turn form values into a spec document and estimate a run's
// cost before it starts. Kept apart from the store so they are testable without Vue.
import { fitsMixture, stepCount, type ExperimentSpec } from '@shared/experiment'
import type { PresetName } from '@shared/presets'
import { fixedStepNfe, isIntegratedKind } from '@shared/step-grid'
import { baseRunName } from '../runName'

export interface MixtureComponentDraft {
  weight: number | null
  mean: (number | null)[]
  covariance: (number | null)[][]
}

export interface DraftValues {
  name: string
  seed: number | null
  /** dataset: an imported dataset's rows (continuous DAE of a fitted mixture, trained and empirical DAEs) */
  distMode: 'preset' | 'custom' | 'dataset'
  preset: PresetName
  datasetId: string
  /** its name, for the default run name */
  datasetName?: string
  /** its feature columns used as coordinates (1-3) */
  datasetColumns: number[]
  /** continuous DAE on a dataset: K of the Gaussian mixture fitted to its rows */
  datasetComponents: number | null
  components: MixtureComponentDraft[]
  flowKind: 'continuous-dae' | 'shallow-dae' | 'composed-dae' | 'empirical-dae' | 'trained-dae' | 'trained-composed-dae'
  layers: number | null
  bandwidth: number | null
  referenceSize: number | null
  particlesKind: 'sample' | 'grid'
  count: number | null
  gridCount: number | null
  solver: 'euler' | 'heun' | 'rk4' | 'dopri5'
  depth: number | null
  stepSize: number | null
  samples: number | null
  rtol: number | null
  atol: number | null
}

/**
 * The spec document for the draft; empty numeric fields stay null so parseSpec names them. An empty name
 * becomes `defaultName` (the store's numbered default) or, without one, the English base run name.
 */
export function buildSpec(v: DraftValues, version: number, defaultName?: string): Record<string, unknown> {
  const distribution =
    v.distMode === 'preset'
      ? { kind: 'preset', name: v.preset }
      : v.distMode === 'dataset'
        ? {
            kind: 'dataset',
            id: v.datasetId,
            columns: v.datasetColumns,
            // K only where it is used: the closed-form DAEs fit a mixture to the rows
            ...(fitsMixture(v.flowKind) ? { components: v.datasetComponents } : {})
          }
        : {
            kind: 'gmm',
            weights: v.components.map((c) => c.weight),
            means: v.components.map((c) => c.mean),
            covariances: v.components.map((c) => c.covariance)
          }
  // trained DAEs learn the map the closed forms give, with noise t = the depth (default network and training)
  const flow =
    v.flowKind === 'composed-dae'
      ? { kind: v.flowKind, layers: v.layers }
      : v.flowKind === 'empirical-dae'
        ? { kind: v.flowKind, bandwidth: v.bandwidth, referenceSize: v.referenceSize }
        : v.flowKind === 'trained-dae'
          ? { kind: v.flowKind, t: v.depth }
          : v.flowKind === 'trained-composed-dae'
            ? { kind: v.flowKind, t: v.depth, layers: v.layers }
            : { kind: v.flowKind }
  const particles = v.particlesKind === 'sample' ? { kind: 'sample', count: v.count } : { kind: 'grid', counts: v.gridCount }
  const integration =
    v.solver === 'dopri5'
      ? { solver: v.solver, depth: v.depth, samples: v.samples, rtol: v.rtol, atol: v.atol }
      : { solver: v.solver, depth: v.depth, stepSize: v.stepSize, samples: v.samples }
  return {
    version,
    name: v.name.trim() || defaultName || baseRunName(v, 'en'),
    seed: v.seed,
    distribution,
    particles,
    flow,
    integration
  }
}

export interface CostEstimate {
  particles: number
  /** solver steps; for dopri5 the step budget (an upper bound, the actual count is adaptive) */
  steps: number
  adaptive: boolean
  /** particles x steps */
  particleSteps: number
  /** velocity-field evaluations per particle step (solver stages) */
  stages: number
  /** float32 bytes of the recorded trajectories: samples x N x D x 4 */
  trajectoryBytes: number
  /** fixed-step solvers on an integrated flow: the h used (exactly the one asked for) */
  stepSize: number | null
  /** field evaluations per particle batch: exact for fixed steps, the budget's bound for dopri5; null for maps */
  nfe: number | null
}

const STAGES = { euler: 1, heun: 2, rk4: 4, dopri5: 6 } as const

export function estimateCost(spec: ExperimentSpec, particles: number, dim: number): CostEstimate {
  const i = spec.integration
  const steps = stepCount(i)
  return {
    particles,
    steps,
    adaptive: i.solver === 'dopri5',
    particleSteps: particles * steps,
    stages: STAGES[i.solver],
    trajectoryBytes: i.samples * particles * dim * 4,
    ...integrationCost(spec)
  }
}

function integrationCost(spec: ExperimentSpec): Pick<CostEstimate, 'stepSize' | 'nfe'> {
  const i = spec.integration
  // maps (shallow, composed and trained DAEs) are evaluated once per recorded depth, not integrated
  if (!isIntegratedKind(spec.flow.kind)) return { stepSize: null, nfe: null }
  if (i.solver === 'dopri5') return { stepSize: null, nfe: 1 + 6 * i.maxSteps }
  return { stepSize: i.stepSize, nfe: fixedStepNfe(i.solver, i.depth, i.stepSize, i.samples) }
}

/** Human-readable byte size (binary units). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB']
  let v = bytes
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return `${v >= 100 || u === 0 ? v.toFixed(0) : v.toPrecision(3)} ${units[u]}`
}
