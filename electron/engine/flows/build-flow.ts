// Builds the flow a spec asks for: the continuous DAE as a velocity field for the solvers, the shallow
// and composed DAEs as depth maps, the empirical DAE as a cloud-dependent field.
import type { ExperimentSpec } from '../../../shared/experiment'
import { singularTime } from '../../../shared/experiment'
import type { ResolvedDistribution } from '../../../shared/presets'
import { EngineError } from '../errors'
import { composedDae, COMPONENTWISE_NOTE } from './composed-dae'
import { continuousCovarianceAt, continuousDaeField } from './continuous-dae'
import { empiricalDaeField } from './empirical-dae'
import { shallowCovariance, shallowDaeMap } from './shallow-dae'
import type { Flow } from './types'

export function buildFlow(spec: ExperimentSpec, dist: ResolvedDistribution): Flow {
  const flow = spec.flow
  if (flow.kind === 'empirical-dae') {
    const dim = dist.kind === 'mixture' ? dist.means[0].length : dist.dimension
    return {
      type: 'field',
      field: empiricalDaeField(dim, flow.bandwidth, flow.referenceSize),
      notes: [
        `Empirical DAE: the score is estimated by Nadaraya-Watson on ${flow.referenceSize} reference particles of the ` +
          `current cloud with bandwidth ${flow.bandwidth}; it is the score of the cloud smoothed by N(0, ${flow.bandwidth} I), ` +
          'so it is biased by the bandwidth and noisy for small reference sizes.',
        'The flow is anti-diffusive (it runs the heat equation backwards): structure finer than the bandwidth, ' +
          'including sampling noise, grows up to about exp(0.74 depth / bandwidth), so with a small bandwidth the cloud ' +
          'breaks into clusters; keep the depth within a few bandwidths or use a larger bandwidth and reference.'
      ]
    }
  }
  if (dist.kind !== 'mixture')
    throw new EngineError('invalid-spec', `${flow.kind} needs a Gaussian or Gaussian-mixture distribution; use empirical-dae for sampled data`)
  const single = dist.weights.length === 1
  const depth = spec.integration.depth
  if (flow.kind === 'continuous-dae') {
    const tStar = singularTime(dist)
    if (!(depth < tStar))
      throw new EngineError(
        'invalid-spec',
        `depth ${depth} is at or past the singular time t* = ${tStar.toPrecision(6)} of the continuous DAE (min eigenvalue / 2)`,
        [{ field: 'integration.depth', message: `must be below the singular time ${tStar.toPrecision(6)}` }]
      )
    return {
      type: 'field',
      field: continuousDaeField(dist),
      notes: [],
      ...(single ? { gaussianCovarianceAt: (t: number) => continuousCovarianceAt(dist, t) } : {})
    }
  }
  if (flow.kind === 'shallow-dae') {
    return {
      type: 'map',
      map: shallowDaeMap(dist),
      notes: [],
      ...(single ? { gaussianCovarianceAt: (t: number) => shallowCovariance(dist.covariances[0], t) } : {})
    }
  }
  if (flow.kind !== 'composed-dae') throw new EngineError('invalid-spec', `${flow.kind} is a trained flow: it runs through runTrainedExperiment`)
  const c = composedDae(dist, flow.layers, depth)
  return {
    type: 'map',
    map: c.map,
    notes: single ? [] : [COMPONENTWISE_NOTE],
    ...(single ? { gaussianCovarianceAt: c.covarianceAt } : {})
  }
}
