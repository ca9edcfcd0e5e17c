// Handlers for run management (rename, tag, trash, restore, archive). Placeholder until that part lands: every method answers 'internal'.
import { EngineError } from '../errors'
import type { HandlerContext, HandlerGroup } from './types'

const notYet = (m: string): never => {
  throw new EngineError('internal', `${m} is not available in this build yet`)
}

export function runAdminHandlers(_ctx: HandlerContext): HandlerGroup<'runs.update' | 'runs.trash' | 'runs.restore' | 'runs.archive'> {
  return {
    'runs.update': () => notYet('runs.update'),
    'runs.trash': () => notYet('runs.trash'),
    'runs.restore': () => notYet('runs.restore'),
    'runs.archive': () => notYet('runs.archive')
  }
}
