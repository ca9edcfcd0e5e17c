// Following one engine job from a store: start it, hold events that arrive before the start call answers
// with the job id, track progress, its phase (a Message) and a training's epoch numbers, cancel, and settle as done (after the caller's own
// finishing step), failed or cancelled. Used by the stores of runs (jobs), layer analyses and studies.
import { ref, shallowRef } from 'vue'
import type { ApiError, JobEvent, Result } from '@shared/contract'
import type { Message } from '@shared/messages'
import type { TrainingProgress } from '@shared/job-progress'
import { api } from '@/api'

export type FollowStatus = 'idle' | 'starting' | 'running' | 'loading' | 'done' | 'failed' | 'cancelled'

export interface FollowOptions {
  /** each progress event, after the fraction and message are taken (e.g. the depth reached) */
  onProgress?: (e: Extract<JobEvent, { type: 'progress' }>) => void
  /** 'loading' while the finishing step runs (the run page opens the run), instead of 'running' */
  loadingWhileFinishing?: boolean
}

/** `finish(runId)` runs when the job is done; false marks the job failed (the caller has set its error). */
export function createJobFollower(finish: (runId: string) => Promise<boolean> | boolean, options: FollowOptions = {}) {
  const status = ref<FollowStatus>('idle')
  const jobId = ref<string | null>(null)
  const fraction = ref(0)
  const message = shallowRef<Message | null>(null)
  /** while a flow trains: the last epoch's numbers (each new object is a new epoch or a repeat of it) */
  const training = shallowRef<TrainingProgress | null>(null)
  const error = shallowRef<ApiError | null>(null)
  const cancelling = ref(false)
  let early: JobEvent[] = []
  let unsubscribe: (() => void) | null = null

  const busy = (): boolean => status.value === 'starting' || status.value === 'running' || status.value === 'loading'

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
    if (e.jobId === jobId.value) void apply(e)
  }

  async function apply(e: JobEvent): Promise<void> {
    if (status.value !== 'running') return
    switch (e.type) {
      case 'started':
        return
      case 'progress':
        fraction.value = Math.min(Math.max(e.fraction, 0), 1)
        if (e.message !== undefined) message.value = e.message
        if (e.training !== undefined) training.value = e.training
        options.onProgress?.(e)
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
        fraction.value = 1
        cancelling.value = false
        if (options.loadingWhileFinishing) status.value = 'loading'
        status.value = (await finish(e.runId)) ? 'done' : 'failed'
    }
  }

  /** Start the job with `call`. Resolves once the engine accepted or refused it (not when it finishes). */
  async function start(call: () => Promise<Result<{ jobId: string }>>): Promise<boolean> {
    if (busy()) return false
    init()
    status.value = 'starting'
    jobId.value = null
    fraction.value = 0
    message.value = null
    training.value = null
    error.value = null
    cancelling.value = false
    early = []
    const r = await call()
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

  /** Hide a finished job's outcome. */
  function dismiss(): void {
    if (!busy()) {
      status.value = 'idle'
      error.value = null
    }
  }

  return { status, jobId, fraction, message, training, error, cancelling, busy, init, dispose, start, cancel, dismiss }
}
