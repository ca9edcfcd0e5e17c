// One saved layer analysis loaded into the calling component's state (not the shared layers store), so
// two can be on screen at once; its projection as trajectories for the 3-D view (depth = layer index).
import { computed, markRaw, shallowRef } from 'vue'
import type { TrajectoryData } from '@shared/contract'
import type { Message } from '@shared/messages'
import type { LayerAnalysis } from '@shared/layers'
import { api } from '@/api'

export function useAnalysisData() {
  const analysis = shallowRef<LayerAnalysis | null>(null)
  const error = shallowRef<Message | null>(null)

  async function load(id: string): Promise<void> {
    const r = await api['layers.get']({ id })
    if (!r.ok) {
      error.value = r.error.message
      analysis.value = null
      return
    }
    error.value = null
    analysis.value = markRaw(r.value)
  }

  const trajectories = computed<TrajectoryData | null>(() => {
    const p = analysis.value?.projection
    if (!p) return null
    return { shape: p.shape, depths: Array.from({ length: p.shape[0] }, (_, i) => i), data: p.data, ...(p.labels ? { labels: p.labels } : {}) }
  })

  return { analysis, trajectories, error, load }
}
