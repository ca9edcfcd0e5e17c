// The Gaussian mixture the continuous DAE of an imported dataset follows: fitted by EM to the rows of the
// chosen columns (all of them up to DATASET_FIT_LIMITS.maxRows, else a seeded subsample; the particles are
// drawn from the same rows), K from the spec (default 1: the sample mean and covariance), seeded by the
// spec's seed so the same spec gives the same field.
import { DATASET_FIT_LIMITS, singularTime } from '../../../shared/experiment'
import type { MixtureDef } from '../../../shared/presets'
import { message, type Message } from '../../../shared/messages'
import type { GmmFit } from '../sampling/gmm-fit'
import { fitOffEngineThread, type FitPlace } from '../pool/pooled-gmm-fit'
import { createRng } from '../sampling/random'
import { shuffledIndices } from '../training/minibatch'
import { EngineError } from '../errors'
import { datasetFieldError, loadDatasetColumns } from './columns'

export interface DatasetMixture extends GmmFit {
  mixture: MixtureDef
  tStar: number
  /** rows the mixture was fitted to (a subsample past DATASET_FIT_LIMITS.maxRows) and the dataset's rows */
  rows: number
  totalRows: number
  name: string
  note: Message
}

export interface FitRequest {
  id: string
  columns: number[]
  components?: number
  seed: number
  /** the closed-form DAE the mixture is for, named in the run's note (default: the continuous DAE) */
  flowKind?: string
}

/** The fitted mixture of a dataset's columns; `place` says where EM runs (a pool worker, or this thread with pauses). */
export async function datasetMixture(workspace: string | undefined, r: FitRequest, place: FitPlace = {}): Promise<DatasetMixture> {
  const data = await loadDatasetColumns(workspace, r.id, r.columns)
  const components = r.components ?? 1
  const rng = createRng(r.seed)
  // a large dataset: a seeded subsample of the rows (file order kept), so the fit stays seconds, not minutes
  const max = DATASET_FIT_LIMITS.maxRows
  const n = Math.min(data.n, max)
  let rows = data.rows
  if (data.n > max) {
    const picked = shuffledIndices(data.n, rng.fork('mixture-rows')).slice(0, max).sort()
    rows = new Float64Array(n * data.d)
    picked.forEach((row, i) => rows.set(data.rows.subarray(row * data.d, row * data.d + data.d), i * data.d))
  }
  let fit: GmmFit
  try {
    // EM is seeded by createRng(seed).fork('mixture-fit') wherever it runs (pooled-gmm-fit.ts)
    fit = await fitOffEngineThread({ rows, n, d: data.d, components, seed: r.seed }, place)
  } catch (e) {
    // too few rows or an emptied component: a problem of the chosen K, named on its field
    if (e instanceof EngineError && e.code === 'invalid-spec') throw datasetFieldError('distribution.components', e.msg)
    throw e
  }
  const tStar = singularTime(fit.mixture)
  const note = message('datadae.noteFitted', {
    kind: r.flowKind ?? 'continuous-dae',
    components,
    which: data.n > max ? message('datadae.fitSomeRows', { rows: n, total: data.n }) : message('datadae.fitAllRows', { rows: n }),
    name: data.name,
    logLikelihood: Number(fit.logLikelihood.toPrecision(6)),
    iterations: fit.iterations,
    converged: message(fit.converged ? 'datadae.converged' : 'datadae.notConverged'),
    tStar: Number(tStar.toPrecision(6))
  })
  return { ...fit, tStar, rows: n, totalRows: data.n, name: data.name, note }
}
