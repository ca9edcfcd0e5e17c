// Jobs store: the experiment job in flight: start, progress (fraction and current depth), cancel, and
// how it ended (done -> the run is opened; failed -> the error, with retry; cancelled). Job events can
// arrive before runs.start answers with the job id, so they are held until the id is known.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ApiError, JobEvent } from '@shared/contract'
import { api } from '@/api'
import { useRunsStore } from './runs'
import { useViewStore } from './view'

export type JobStatus = 'idle' | 'starting' | 'running' | 'loading' | 'done' | 'failed' | 'cancelled'

export const useJobsStore = defineStore('jobs', () => {
  const status = ref<JobStatus>('idle')
  const jobId = ref<string | null>(null)
  const fraction = ref(0)
  const depth = ref<number | null>(null)
  const message = ref<string | null>(null)
  const error = shallowRef<ApiError | null>(null)
  const cancelling = ref(false)
  /** the spec of the last run started, for retry */
  const lastSpec = shallowRef<unknown>(null)
  let early: JobEvent[] = []
  let unsubscribe: (() => void) | null = null

  /** the compute process died under the job: the shell says so on every screen and offers Retry */
  const crashed = computed(() => status.value === 'failed' && error.value?.code === 'engine-crashed')

  const busy = (): boolean => status.value === 'starting' || status.value === 'running' || status.value === 'loading'

  /** Subscribe to job events once (idempotent). */
  function init(): void {
    if (!unsubscribe) unsubscribe = api.onJobEvent(onEvent)
  }

  function dispose(): void {
    unsubscribe?.()
    unsubscribe = null
  }

  function onEvent(e: JobEvent): void {
    if (status.value === 'starting' && jobId.value === null) {
      early.push(e)
      return
    }
    if (e.jobId !== jobId.value) return
    void apply(e)
  }

  async function apply(e: JobEvent): Promise<void> {
    if (status.value !== 'running') return
    switch (e.type) {
      case 'started':
        return
      case 'progress':
        fraction.value = Math.min(Math.max(e.fraction, 0), 1)
        if (e.depth !== undefined) depth.value = e.depth
        if (e.message !== undefined) message.value = e.message
        return
      case 'failed':
        error.value = e.error
        status.value = 'failed'
        cancelling.value = false
        return
      case 'cancelled':
        status.value = 'cancelled'
        cancelling.value = false
        return
      case 'done':
        await finish(e.runId)
    }
  }

  async function finish(runId: string): Promise<void> {
    status.value = 'loading'
    fraction.value = 1
    cancelling.value = false
    const runs = useRunsStore()
    const first = runs.manifest === null
    const opened = await runs.open(runId)
    if (!opened) {
      error.value = runs.error
      status.value = 'failed'
      return
    }
    useViewStore().setRange(runs.maxDepth, first)
    status.value = 'done'
    await runs.refreshHistory()
  }

  /** Start a run of `spec`. Resolves once the engine accepted or refused it (not when it finishes). */
  async function start(spec: unknown): Promise<boolean> {
    if (busy()) return false
    init()
    lastSpec.value = spec
    status.value = 'starting'
    jobId.value = null
    fraction.value = 0
    depth.value = null
    message.value = null
    error.value = null
    cancelling.value = false
    early = []
    const r = await api['runs.start']({ spec })
    if (!r.ok) {
      early = []
      error.value = r.error
      status.value = 'failed'
      return false
    }
    jobId.value = r.value.jobId
    status.value = 'running'
    const held = early.filter((e) => e.jobId === r.value.jobId)
    early = []
    for (const e of held) await apply(e)
    return true
  }

  async function cancel(): Promise<void> {
    if (status.value !== 'running' || !jobId.value || cancelling.value) return
    cancelling.value = true
    const r = await api['jobs.cancel']({ jobId: jobId.value })
    // the 'cancelled' event settles the status; if the job had already ended there is nothing to do
    if (!r.ok || !r.value.cancelled) cancelling.value = false
  }

  async function retry(): Promise<boolean> {
    return lastSpec.value === null ? false : start(lastSpec.value)
  }

  /** Hide a finished job's outcome (failed / cancelled panels). */
  function dismiss(): void {
    if (!busy()) {
      status.value = 'idle'
      error.value = null
    }
  }

  return { status, jobId, fraction, depth, message, error, cancelling, lastSpec, crashed, init, dispose, start, cancel, retry, dismiss }
})
