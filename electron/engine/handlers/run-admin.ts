// Handlers for run management: rename and tag (user.json), the recoverable trash, and the run archive.
import type { HandlerContext, HandlerGroup } from './types'

export function runAdminHandlers(ctx: HandlerContext): HandlerGroup<'runs.update' | 'runs.trash' | 'runs.restore' | 'runs.archive'> {
  const { store } = ctx
  return {
    'runs.update': (r) => store.update(r.id, { ...(r.name !== undefined ? { name: r.name } : {}), ...(r.tags !== undefined ? { tags: r.tags } : {}) }),
    'runs.trash': async (r) => {
      await store.trash(r.id)
      return { id: r.id }
    },
    'runs.restore': async (r) => {
      await store.restore(r.id)
      return { id: r.id }
    },
    'runs.archive': (r) => store.archive(r.id)
  }
}
