// Studies store: the depth or step-size study in flight (start, progress, cancel, outcome), the study on
// screen, and the saved studies. Job events can arrive before studies.start answers with the job id,
// so they are held until it is known (jobFollower.ts).
import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import type { StudyResult, StudySummary, StudySweep } from '@shared/study'
import { api } from '@/api'
import { createJobFollower, type FollowStatus } from './jobFollower'

export type StudyStatus = FollowStatus

export interface StudyRequest {
  name: string
  spec: unknown
  sweep: StudySweep
}

export const useStudiesStore = defineStore('studies', () => {
  const current = shallowRef<StudyResult | null>(null)
  const saved = ref<StudySummary[]>([])
  const lastRequest = shallowRef<StudyRequest | null>(null)
  // done opens the study and refreshes the saved list
  const job = createJobFollower(async (runId) => {
    const opened = await open(runId)
    await refresh()
    return opened
  })
  const { status, jobId, fraction, message, error, init, dispose, cancel } = job

  function start(request: StudyRequest): Promise<boolean> {
    lastRequest.value = request
    // a plain copy: reactive proxies cannot cross IPC (structured clone)
    return job.start(() => api['studies.start'](JSON.parse(JSON.stringify(request))))
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
