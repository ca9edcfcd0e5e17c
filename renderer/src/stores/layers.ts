// Layer analyses of existing models: the layers.start job in flight (progress, cancel, how it ended;
// done opens the analysis page), the list of analyses, the analysis shown and the layer scrubbed to.
// Job events can arrive before layers.start answers with the job id, so they are held until it does.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ApiError, RequestOf } from '@shared/contract'
import type { LayerAnalysis, LayerAnalysisSummary } from '@shared/layers'
import { api } from '@/api'
import { createJobFollower, type FollowStatus } from './jobFollower'
import { useNavStore } from './nav'

export type LayersJobStatus = FollowStatus

export const useLayersStore = defineStore('layers', () => {
  // done opens the analysis page
  const job = createJobFollower((runId) => {
    useNavStore().go('analysis', { id: runId })
    return true
  })
  const { status, jobId, fraction, message, error, cancelling, init, dispose, cancel, dismiss } = job

  const list = shallowRef<LayerAnalysisSummary[]>([])
  const listError = shallowRef<ApiError | null>(null)
  const analysis = shallowRef<LayerAnalysis | null>(null)
  const loading = ref(false)
  const loadError = shallowRef<ApiError | null>(null)
  const layer = ref(0)

  /** Start an analysis. Resolves once the engine accepted or refused it (not when it finishes). */
  function start(request: RequestOf<'layers.start'>): Promise<boolean> {
    return job.start(() => api['layers.start'](request))
  }

  async function refreshList(): Promise<void> {
    const r = await api['layers.list']({})
    if (r.ok) {
      list.value = r.value
      listError.value = null
    } else listError.value = r.error
  }

  /** Load an analysis for the page (the layer shown starts at the input). */
  async function open(id: string): Promise<boolean> {
    if (analysis.value?.id === id) return true
    loading.value = true
    loadError.value = null
    const r = await api['layers.get']({ id })
    loading.value = false
    if (!r.ok) {
      loadError.value = r.error
      analysis.value = null
      return false
    }
    analysis.value = r.value
    layer.value = 0
    return true
  }

  function close(): void {
    analysis.value = null
    loadError.value = null
  }

  function setLayer(i: number, count: number): void {
    layer.value = Math.min(Math.max(Math.round(Number.isFinite(i) ? i : 0), 0), Math.max(count - 1, 0))
  }

  return {
    status,
    jobId,
    fraction,
    message,
    error,
    cancelling,
    list,
    listError,
    analysis,
    loading,
    loadError,
    layer,
    init,
    dispose,
    start,
    cancel,
    dismiss,
    refreshList,
    open,
    close,
    setLayer
  }
})
