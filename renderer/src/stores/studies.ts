// Studies store: the depth or step-size study in flight (start, progress, cancel, outcome), the study on
// screen, and the saved studies. Job events can arrive before studies.start answers with the job id,
// so they are held until it is known (as in the runs' jobs store).
import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import type { ApiError, JobEvent } from '@shared/contract'
import type { StudyResult, StudySummary, StudySweep } from '@shared/study'
import { api } from '@/api'

export type StudyStatus = 'idle' | 'starting' | 'running' | 'done' | 'failed' | 'cancelled'

export interface StudyRequest {
  name: string
  spec: unknown
  sweep: StudySweep
}

export const useStudiesStore = defineStore('studies', () => {
  const status = ref<StudyStatus>('idle')
  const jobId = ref<string | null>(null)
  const fraction = ref(0)
  const message = ref<string | null>(null)
  const error = shallowRef<ApiError | null>(null)
  const current = shallowRef<StudyResult | null>(null)
  const saved = ref<StudySummary[]>([])
  const lastRequest = shallowRef<StudyRequest | null>(null)
  let early: JobEvent[] = []
  let unsubscribe: (() => void) | null = null

  const busy = (): boolean => status.value === 'starting' || status.value === 'running'

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
    if (e.type === 'progress') {
      fraction.value = Math.min(Math.max(e.fraction, 0), 1)
      if (e.message !== undefined) message.value = e.message
    } else if (e.type === 'failed') {
      error.value = e.error
      status.value = 'failed'
    } else if (e.type === 'cancelled') {
      status.value = 'cancelled'
    } else if (e.type === 'done') {
      fraction.value = 1
      if (await open(e.runId)) status.value = 'done'
      else status.value = 'failed'
      await refresh()
    }
  }

  async function start(request: StudyRequest): Promise<boolean> {
    if (busy()) return false
    init()
    lastRequest.value = request
    status.value = 'starting'
    jobId.value = null
    fraction.value = 0
    message.value = null
    error.value = null
    early = []
    // a plain copy: reactive proxies cannot cross IPC (structured clone)
    const r = await api['studies.start'](JSON.parse(JSON.stringify(request)))
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
    if (status.value === 'running' && jobId.value) await api['jobs.cancel']({ jobId: jobId.value })
  }

  async function open(id: string): Promise<boolean> {
    const r = await api['studies.get']({ id })
    if (!r.ok) {
      error.value = r.error
      return false
    }
    current.value = markRaw(r.value)
    return true
  }

  async function refresh(): Promise<void> {
    const r = await api['studies.list']({})
    if (r.ok) saved.value = r.value
  }

  return { status, jobId, fraction, message, error, current, saved, lastRequest, init, dispose, start, cancel, open, refresh }
})
