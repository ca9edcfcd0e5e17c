// Layer analyses of existing models: the layers.start job in flight (progress, cancel, how it ended;
// done opens the analysis page), the list of analyses, the analysis shown and the layer scrubbed to.
// Job events can arrive before layers.start answers with the job id, so they are held until it does.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ApiError, JobEvent, RequestOf } from '@shared/contract'
import type { LayerAnalysis, LayerAnalysisSummary } from '@shared/layers'
import { api } from '@/api'
import { useNavStore } from './nav'

export type LayersJobStatus = 'idle' | 'starting' | 'running' | 'done' | 'failed' | 'cancelled'

export const useLayersStore = defineStore('layers', () => {
  const status = ref<LayersJobStatus>('idle')
  const jobId = ref<string | null>(null)
  const fraction = ref(0)
  const message = ref<string | null>(null)
  const error = shallowRef<ApiError | null>(null)
  const cancelling = ref(false)
  let early: JobEvent[] = []
  let unsubscribe: (() => void) | null = null

  const list = shallowRef<LayerAnalysisSummary[]>([])
  const listError = shallowRef<ApiError | null>(null)
  const analysis = shallowRef<LayerAnalysis | null>(null)
  const loading = ref(false)
  const loadError = shallowRef<ApiError | null>(null)
  const layer = ref(0)

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
    if (e.jobId === jobId.value) apply(e)
  }

  function apply(e: JobEvent): void {
    if (status.value !== 'running') return
    switch (e.type) {
      case 'started':
        return
      case 'progress':
        fraction.value = Math.min(Math.max(e.fraction, 0), 1)
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
        status.value = 'done'
        fraction.value = 1
        cancelling.value = false
        useNavStore().go('analysis', { id: e.runId })
    }
  }

  /** Start an analysis. Resolves once the engine accepted or refused it (not when it finishes). */
  async function start(request: RequestOf<'layers.start'>): Promise<boolean> {
    if (busy()) return false
    init()
    status.value = 'starting'
    jobId.value = null
    fraction.value = 0
    message.value = null
    error.value = null
    cancelling.value = false
    early = []
    const r = await api['layers.start'](request)
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
    for (const e of held) apply(e)
    return true
  }

  async function cancel(): Promise<void> {
    if (status.value !== 'running' || !jobId.value || cancelling.value) return
    cancelling.value = true
    const r = await api['jobs.cancel']({ jobId: jobId.value })
    if (!r.ok || !r.value.cancelled) cancelling.value = false
  }

  function dismiss(): void {
    if (!busy()) {
      status.value = 'idle'
      error.value = null
    }
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
    status, jobId, fraction, message, error, cancelling, list, listError, analysis, loading, loadError, layer,
    init, dispose, start, cancel, dismiss, refreshList, open, close, setLayer
  }
})
