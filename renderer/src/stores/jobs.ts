// Jobs store: the experiment job in flight: start, progress (fraction and current depth), cancel, and
// how it ended (done -> the run is opened; failed -> the error, with retry; cancelled). The job itself
// is followed by the shared job follower (events held until runs.start answers with the job id).
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { api } from '@/api'
import { createJobFollower, type FollowStatus } from './jobFollower'
import { useRunsStore } from './runs'
import { useViewStore } from './view'
import { useNavStore } from './nav'

export type JobStatus = FollowStatus

export const useJobsStore = defineStore('jobs', () => {
  const depth = ref<number | null>(null)
  /** the spec of the last run started, for retry */
  const lastSpec = shallowRef<unknown>(null)

  /** the run is opened (its page shows it) and the history refreshed; a run that cannot be read fails the job */
  async function finish(runId: string): Promise<boolean> {
    const runs = useRunsStore()
    const nav = useNavStore()
    if (!(await runs.open(runId, origin))) {
      job.error.value = runs.error
      return false
    }
    useViewStore().setRange(runs.maxDepth)
    // a re-run from a run's page: the address names the new run, so Back returns to the one before
    if (origin === 'run' && nav.screen === 'run' && nav.params.id !== runId) nav.go('run', { id: runId })
    await runs.refreshHistory()
    return true
  }
  /** the screen the job was started from: the run opens there (a wizard shows only its own runs) */
  let origin = 'run'

  const job = createJobFollower(finish, {
    loadingWhileFinishing: true,
    onProgress: (e) => {
      if (e.depth !== undefined) depth.value = e.depth
    }
  })

  /** the compute process died under the job: the shell says so on every screen and offers Retry */
  const crashed = computed(() => job.status.value === 'failed' && job.error.value?.code === 'engine-crashed')

  /** Start a run of `spec`. Resolves once the engine accepted or refused it (not when it finishes). */
  async function start(spec: unknown): Promise<boolean> {
    if (job.busy()) return false
    lastSpec.value = spec
    depth.value = null
    origin = useNavStore().screen
    return job.start(() => api['runs.start']({ spec }))
  }

  async function retry(): Promise<boolean> {
    return lastSpec.value === null ? false : start(lastSpec.value)
  }

  const { status, jobId, fraction, message, training, error, cancelling, init, dispose, cancel, dismiss } = job
  return { status, jobId, fraction, depth, message, training, error, cancelling, lastSpec, crashed, init, dispose, start, cancel, retry, dismiss }
})
