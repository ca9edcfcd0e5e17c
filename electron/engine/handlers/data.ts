// Handlers for data import (preview, import, list). Placeholder until that part lands: every method answers 'internal'.
import { EngineError } from '../errors'
import type { HandlerContext, HandlerGroup } from './types'

const notYet = (m: string): never => {
  throw new EngineError('internal', `${m} is not available in this build yet`)
}

export function dataHandlers(_ctx: HandlerContext): HandlerGroup<'data.preview' | 'data.import' | 'data.list'> {
  return {
    'data.preview': () => notYet('data.preview'),
    'data.import': () => notYet('data.import'),
    'data.list': () => notYet('data.list')
  }
}
