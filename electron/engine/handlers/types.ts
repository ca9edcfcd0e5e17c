// The shape of the engine's method handlers: service.ts composes one group per area (runs, settings,
// data, layers), each in its own module, and checks that every contract method has exactly one.
import type { Method, RequestOf, ResponseOf } from '../../../shared/contract'
import type { JobManager } from '../jobs/manager'
import type { RunStore } from '../runs/store'

export type Handler<M extends Method> = (request: RequestOf<M>) => Promise<ResponseOf<M>> | ResponseOf<M>
export type Handlers = { [M in Method]: Handler<M> }
export type HandlerGroup<K extends Method> = { [M in K]: Handler<M> }

/** what every handler group may use */
export interface HandlerContext {
  workspace: string
  /** settings.json, logs: the user data folder (the workspace's .nagare folder in browser mode and tests) */
  userData: string
  mode: 'desktop' | 'browser' | 'in-process'
  backend: string
  appVersion: string
  store: RunStore
  jobs: JobManager
}
