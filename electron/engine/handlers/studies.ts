// Handlers for depth and step-size studies: start one as a job (its 'done' event carries the study id),
// list and read saved studies.
import { prepareStudy, runStudy } from '../studies/run-study'
import { StudyStore } from '../studies/store'
import type { HandlerContext, HandlerGroup } from './types'
import { message } from '../../../shared/messages'

export function studiesHandlers(ctx: HandlerContext): HandlerGroup<'studies.start' | 'studies.list' | 'studies.get'> {
  const store = new StudyStore(ctx.workspace)
  return {
    'studies.start': (r) => {
      prepareStudy(r.spec, r.sweep)
      const jobId = ctx.jobs.submit(r.name, async (job) => {
        const study = await runStudy(r.name, r.spec, r.sweep, { ctx: job, backend: ctx.backend, appVersion: ctx.appVersion })
        job.progress(1, undefined, message('runs.progressWriting', { file: 'study.json' }))
        return store.save(study)
      })
      return { jobId }
    },
    'studies.list': () => store.list(),
    'studies.get': (r) => store.get(r.id)
  }
}
