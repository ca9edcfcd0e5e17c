// What the per-depth analysis needs to know about a run's flow and data: a velocity sampler for
// continuous flows (depth maps use the implied velocity), the labels, and whether the data are one Gaussian.
import type { ResolvedDistribution } from '../../../shared/presets'
import type { Flow } from '../flows/types'
import type { DepthTrackerOptions } from './depth-tracker'
import { fieldVelocitySampler } from './depth-velocity'

export function runAnalysisOptions(flow: Flow, dist: ResolvedDistribution, labels?: Int32Array): DepthTrackerOptions {
  const single = dist.kind === 'mixture' && dist.weights.length === 1
  return {
    ...(flow.type === 'field' ? { velocity: fieldVelocitySampler(flow.field) } : {}),
    ...(labels && !single ? { labels } : {}),
    gaussianShape: single
  }
}
