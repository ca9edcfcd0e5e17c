// Builds the flow a spec asks for: the continuous DAE as a velocity field for the solvers, the shallow
// and composed DAEs as depth maps, the empirical DAE as a cloud-dependent field.
import type { ExperimentSpec } from '../../../shared/experiment'
import { singularTime } from '../../../shared/experiment'
import { nearSingular } from '../../../shared/step-grid'
import type { ResolvedDistribution } from '../../../shared/presets'
import { EngineError } from '../errors'
import { composedDae, COMPONENTWISE_NOTE } from './composed-dae'
import { continuousCovarianceAt, continuousDaeField } from './continuous-dae'
import { empiricalDaeField } from './empirical-dae'
import { shallowCovariance, shallowDaeMap } from './shallow-dae'
import type { Flow } from './types'
import { message } from '../../../shared/messages'

export function buildFlow(spec: ExperimentSpec, dist: ResolvedDistribution): Flow {
  const flow = spec.flow
  if (flow.kind === 'empirical-dae') {
    const dim = dist.kind === 'mixture' ? dist.means[0].length : dist.dimension
    return {
      type: 'field',
      field: empiricalDaeField(dim, flow.bandwidth, flow.referenceSize),
      notes: [message('engine.noteEmpiricalScore', { reference: flow.referenceSize, bandwidth: flow.bandwidth }), message('engine.noteAntiDiffusive')]
    }
  }
  if (dist.kind !== 'mixture') throw new EngineError('invalid-spec', message('engine.flowNeedsGaussian', { kind: flow.kind }))
  const single = dist.weights.length === 1
  const depth = spec.integration.depth
  if (flow.kind === 'continuous-dae') {
    const tStar = singularTime(dist)
    if (!(depth < tStar))
      throw new EngineError('invalid-spec', message('engine.depthPastSingular', { depth, tStar: tStar.toPrecision(6) }), [
        { field: 'integration.depth', message: message('engine.depthBelowSingular', { tStar: tStar.toPrecision(6) }) }
      ])
    return {
      type: 'field',
      field: continuousDaeField(dist),
      notes: nearSingular(depth, tStar)
        ? [message('steps.nearSingular', { depth, percent: Math.round((100 * depth) / tStar), tStar: Number(tStar.toPrecision(6)) })]
        : [],
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
  if (flow.kind !== 'composed-dae') throw new EngineError('invalid-spec', message('engine.flowIsTrained', { kind: flow.kind }))
  const c = composedDae(dist, flow.layers, depth)
  return {
    type: 'map',
    map: c.map,
    notes: single ? [] : [COMPONENTWISE_NOTE],
    ...(single ? { gaussianCovarianceAt: c.covarianceAt } : {})
  }
}
