// Handlers for data import: data.preview stages an upload and describes it, data.import copies it into
// <workspace>/datasets/<id>/ with the chosen columns, data.list lists the datasets newest first; data.get,
// data.update, data.trash and data.restore view, rename and trash one (datasets/manage.ts).
import { importStaged, previewUpload } from '../datasets/import/preview'
import { Staging } from '../datasets/import/staging'
import { listDatasets } from '../datasets/store'
import { renameDataset, restoreDataset, trashDataset, viewDataset } from '../datasets/manage'
import type { HandlerContext, HandlerGroup } from './types'

export function dataHandlers(
  ctx: HandlerContext
): HandlerGroup<'data.preview' | 'data.import' | 'data.list' | 'data.get' | 'data.update' | 'data.trash' | 'data.restore'> {
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
    'data.restore': (r) => restoreDataset(ctx.workspace, r.id)
  }
}
