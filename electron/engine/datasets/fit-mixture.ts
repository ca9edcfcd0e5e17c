// The Gaussian mixture the continuous DAE of an imported dataset follows: fitted by EM to all the rows of
// the chosen columns (the particles are a subsample of the same rows), K from the spec (default 1: the
// sample mean and covariance), seeded by the spec's seed so the same spec gives the same field.
import { singularTime } from '../../../shared/experiment'
import type { MixtureDef } from '../../../shared/presets'
import { message, type Message } from '../../../shared/messages'
import { fitGaussianMixture, type GmmFit } from '../sampling/gmm-fit'
import { createRng } from '../sampling/random'
import { EngineError } from '../errors'
import { datasetFieldError, loadDatasetColumns } from './columns'

export interface DatasetMixture extends GmmFit {
  mixture: MixtureDef
  tStar: number
  rows: number
  name: string
  note: Message
}

export interface FitRequest {
  id: string
  columns: number[]
  components?: number
  seed: number
}

export async function datasetMixture(workspace: string | undefined, r: FitRequest): Promise<DatasetMixture> {
  const data = await loadDatasetColumns(workspace, r.id, r.columns)
  const components = r.components ?? 1
  let fit: GmmFit
  try {
    fit = fitGaussianMixture(data.rows, data.n, data.d, { components, rng: createRng(r.seed).fork('mixture-fit') })
  } catch (e) {
    // too few rows or an emptied component: a problem of the chosen K, named on its field
    if (e instanceof EngineError && e.code === 'invalid-spec') throw datasetFieldError('distribution.components', e.msg)
    throw e
  }
  const tStar = singularTime(fit.mixture)
  const note = message('datadae.noteFitted', {
    components,
    rows: data.n,
    name: data.name,
    logLikelihood: Number(fit.logLikelihood.toPrecision(6)),
    iterations: fit.iterations,
    converged: message(fit.converged ? 'datadae.converged' : 'datadae.notConverged'),
    tStar: Number(tStar.toPrecision(6))
  })
  return { ...fit, tStar, rows: data.n, name: data.name, note }
}
