// Handlers for settings and diagnostics. Placeholder until that part lands: every method answers 'internal'.
import { EngineError } from '../errors'
import type { HandlerContext, HandlerGroup } from './types'

const notYet = (m: string): never => {
  throw new EngineError('internal', `${m} is not available in this build yet`)
}

export function settingsHandlers(_ctx: HandlerContext): HandlerGroup<'settings.get' | 'settings.set' | 'diagnostics.get'> {
  return {
    'settings.get': () => notYet('settings.get'),
    'settings.set': () => notYet('settings.set'),
    'diagnostics.get': () => notYet('diagnostics.get')
  }
}
