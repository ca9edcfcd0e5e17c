// The engine service: every method of the contract (shared/contract.ts METHODS) over one workspace,
// with runs executed as queued jobs. It never throws: every error comes back as { ok: false, error }.
import { ok, parseRequest, type EngineService, type JobEvent, type Method, type RequestOf, type ResponseOf, type Result } from '../../shared/contract'
import { fieldErrorsMessage, parseSpec } from '../../shared/experiment'
import { availableBackends, initBackend } from './backend'
import { EngineError, toApiError } from './errors'
import { JobManager, type JobManagerOptions } from './jobs/manager'
import { PROGRESS_METRICS } from './jobs/progress'
import { runExperiment } from './jobs/runner'
import type { RunnerDeps } from './jobs/run-options'
import { RunStore } from './runs/store'
import type { RunFolderWriter } from './runs/run-folder'
import { appVersion } from './version'
import { dataHandlers } from './handlers/data'
import { layersHandlers } from './handlers/layers'
import { modelInputHandlers } from './handlers/model-inputs'
import { InputStaging } from './inputs/input-staging'
import { analysesAdminHandlers } from './handlers/analyses-admin'
import { runAdminHandlers } from './handlers/run-admin'
import { settingsHandlers } from './handlers/settings'
import { disposeEnginePool } from './pool/engine-pool'
import { studiesHandlers } from './handlers/studies'
import type { HandlerContext, Handlers } from './handlers/types'
import { jobLogEntry, logFailedCall } from './logs/job-log'
import { RotatingLog } from './logs/rotating-log'
import { join } from 'node:path'
import { message } from '../../shared/messages'
import { MAX_JSON_DEPTH, valueTooDeep } from '../../shared/json-depth'

export interface EngineServiceOptions {
  workspace: string
  mode: 'desktop' | 'browser' | 'in-process'
  /** preferred TF.js backend (native | wasm | cpu); NAGARE_BACKEND or the default order otherwise */
  backend?: string
  /** tests: wrap engine pieces (e.g. slow a flow down) */
  deps?: Partial<RunnerDeps>
  jobs?: JobManagerOptions
  /** settings and logs; default <workspace>/.nagare */
  userData?: string
}

export async function createEngineService(options: EngineServiceOptions): Promise<EngineService> {
  const backend = await initBackend(options.backend)
  const store = new RunStore(options.workspace)
  const jobs = new JobManager(options.jobs)
  const version = appVersion()
  const userData = options.userData ?? join(options.workspace, '.nagare')
  // jobs, failures and crashes, never data values (see logs/job-log.ts)
  const log = new RotatingLog(join(userData, 'logs'))
  log.write({ level: 'info', event: 'engine-started', message: `mode ${options.mode}, backend ${backend}, version ${version}` })
  jobs.onEvent((e) => {
    const entry = jobLogEntry(e)
    if (entry) log.write(entry)
  })
  const context: HandlerContext = {
    workspace: options.workspace,
    userData,
    mode: options.mode,
    backend,
    appVersion: version,
    store,
    jobs
  }

  // model input files sent by the app, shared by inputs.stage and layers.start
  const inputs = new InputStaging()
  const handlers: Handlers = {
    ...runAdminHandlers(context),
    ...settingsHandlers(context, log),
    ...dataHandlers(context),
    ...layersHandlers(context, inputs),
    ...modelInputHandlers(context, inputs),
    ...analysesAdminHandlers(context),
    ...studiesHandlers(context),
    'engine.info': () => ({ appVersion: version, backend, available: availableBackends(), mode: options.mode, workspace: options.workspace }),
    'spec.validate': (r) => parseSpec(r.spec),
    'runs.start': (r) => {
      // refuse an invalid spec at once, with its fields, rather than as a failed job later
      const parsed = parseSpec(r.spec)
      if (!parsed.ok) throw new EngineError('invalid-spec', message('engine.invalidSpec', { errors: fieldErrorsMessage(parsed.errors) }), parsed.errors)
      const spec = parsed.spec
      const jobId = jobs.submit(spec.name, async (ctx) => {
        // the trajectories are written into the run's partial folder while the metrics are computed
        let begun: RunFolderWriter | undefined
        try {
          const content = await runExperiment(spec, {
            ctx,
            backend,
            appVersion: version,
            workspace: options.workspace,
            ...(options.deps ? { deps: options.deps } : {}),
            onTransported: (t) => (begun = store.beginSave(t.id, t.trajectories, t.shape))
          })
          let written = 0
          // trajectories, metrics, run.json, and labels and extra files when there are any
          const files = 3 + (content.labels ? 1 : 0) + (content.extra?.length ?? 0)
          return await store.save(
            content,
            {
              beforeFile: async (file) => {
                ctx.progress(PROGRESS_METRICS + ((1 - PROGRESS_METRICS) * written++) / files, undefined, message('runs.progressWriting', { file }))
                await ctx.checkpoint()
              }
            },
            begun
          )
        } catch (e) {
          // a failed or cancelled run leaves no partial folder (save() has removed it already if it got that far)
          await begun?.discard()
          throw e
        }
      })
      return { jobId }
    },
    'jobs.cancel': (r) => ({ cancelled: jobs.cancel(r.jobId) }),
    'runs.list': (r) => store.list(r.trash ? { trash: true } : {}),
    'runs.get': (r) => store.get(r.id),
    'runs.trajectories': (r) => store.trajectories(r.id)
  }

  return {
    async call<M extends Method>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>> {
      try {
        // a request nested thousands deep (IPC passes objects, not text) would overflow the validators' stack
        if (valueTooDeep(request)) return { ok: false, error: { code: 'invalid-request', message: message('harden.requestTooDeep', { max: MAX_JSON_DEPTH }) } }
        const parsed = parseRequest(method, request)
        if (!parsed.ok) return parsed
        const handler = handlers[method] as (r: RequestOf<M>) => Promise<ResponseOf<M>> | ResponseOf<M>
        return ok(await handler(parsed.value.request as RequestOf<M>))
      } catch (e) {
        const error = toApiError(e)
        logFailedCall((entry) => log.write(entry), method, error)
        return { ok: false, error }
      }
    },
    onEvent(listener: (event: JobEvent) => void): () => void {
      return jobs.onEvent(listener)
    },
    async dispose(): Promise<void> {
      await jobs.dispose()
      await disposeEnginePool()
      await inputs.dispose()
    }
  }
}
