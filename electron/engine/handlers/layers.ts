// Handlers for layer analyses of existing models. Placeholder until that part lands: every method answers 'internal'.
import { EngineError } from '../errors'
import type { HandlerContext, HandlerGroup } from './types'

const notYet = (m: string): never => {
  throw new EngineError('internal', `${m} is not available in this build yet`)
}

export function layersHandlers(_ctx: HandlerContext): HandlerGroup<'layers.start' | 'layers.list' | 'layers.get'> {
  return {
    'layers.start': () => notYet('layers.start'),
    'layers.list': () => notYet('layers.list'),
    'layers.get': () => notYet('layers.get')
  }
}
