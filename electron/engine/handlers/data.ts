// Handlers for data import: data.preview stages an upload and describes it, data.import copies it into
// <workspace>/datasets/<id>/ with the chosen columns, data.list lists the datasets newest first.
import { importStaged, previewUpload } from '../data-import/preview'
import { Staging } from '../data-import/staging'
import { listDatasets } from '../datasets/store'
import type { HandlerContext, HandlerGroup } from './types'

export function dataHandlers(ctx: HandlerContext): HandlerGroup<'data.preview' | 'data.import' | 'data.list'> {
  const staging = new Staging()
  return {
    'data.preview': (r) => previewUpload(staging, r.name, Buffer.from(r.content, 'base64')),
    'data.import': (r) => importStaged(staging, ctx.workspace, r),
    'data.list': () => listDatasets(ctx.workspace)
  }
}
