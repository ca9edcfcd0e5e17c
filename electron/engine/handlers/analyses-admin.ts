// Handlers for the user's management of saved layer analyses: rename and tag, the recoverable trash
// (listing the trash is layers.list { trash: true }). The same operations as runs.update/trash/restore.
import { restoreAnalysis, trashAnalysis, updateAnalysis } from '../analysis-store/admin'
import type { HandlerContext, HandlerGroup } from './types'

export function analysesAdminHandlers(ctx: HandlerContext): HandlerGroup<'layers.update' | 'layers.trash' | 'layers.restore'> {
  const { workspace } = ctx
  return {
    'layers.update': (r) =>
      updateAnalysis(workspace, r.id, { ...(r.name !== undefined ? { name: r.name } : {}), ...(r.tags !== undefined ? { tags: r.tags } : {}) }),
    'layers.trash': async (r) => {
      await trashAnalysis(workspace, r.id)
      return { id: r.id }
    },
    'layers.restore': async (r) => {
      await restoreAnalysis(workspace, r.id)
      return { id: r.id }
    }
  }
}
