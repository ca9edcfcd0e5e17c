// Handlers for data import: data.preview stages an upload and describes it, data.import copies it into
// <workspace>/datasets/<id>/ with the chosen columns, data.list lists the datasets newest first; data.get,
// data.update, data.trash and data.restore view, rename and trash one (datasets/manage.ts); data.fitMixture
// fits the continuous DAE's Gaussian mixture to one (datasets/fit-mixture.ts) so the wizard can show its t*.
import { importStaged, previewUpload } from '../datasets/import/preview'
import { Staging } from '../datasets/import/staging'
import { listDatasets } from '../datasets/store'
import { renameDataset, restoreDataset, trashDataset, viewDataset } from '../datasets/manage'
import { datasetMixture } from '../datasets/fit-mixture'
import type { HandlerContext, HandlerGroup } from './types'
import { enginePool } from '../pool/engine-pool'

export function dataHandlers(
  ctx: HandlerContext
): HandlerGroup<'data.preview' | 'data.import' | 'data.list' | 'data.get' | 'data.update' | 'data.trash' | 'data.restore' | 'data.fitMixture'> {
  const staging = new Staging()
  return {
    'data.preview': (r) => previewUpload(staging, r.name, Buffer.from(r.content, 'base64')),
    'data.import': (r) => importStaged(staging, ctx.workspace, r),
    'data.list': () => listDatasets(ctx.workspace),
    'data.get': (r) => viewDataset(ctx.workspace, r.id),
    'data.update': (r) => renameDataset(ctx.workspace, r.id, r.name),
    'data.trash': async (r) => {
      await trashDataset(ctx.workspace, r.id)
      return { id: r.id }
    },
    'data.restore': (r) => restoreDataset(ctx.workspace, r.id),
    'data.fitMixture': async (r) => {
      // EM on a pool worker (or pausing between iterations): the engine answers other calls meanwhile
      const f = await datasetMixture(ctx.workspace, r, { pool: enginePool() })
      const m = f.mixture
      return {
        components: m.weights.length,
        rows: f.rows,
        totalRows: f.totalRows,
        logLikelihood: f.logLikelihood,
        iterations: f.iterations,
        converged: f.converged,
        tStar: f.tStar,
        weights: m.weights,
        means: m.means,
        covariances: m.covariances
      }
    }
  }
}
