// Runs store: the run being looked at (manifest + trajectories) and the history of runs in the
// workspace. Trajectories are large typed arrays: held raw (shallowRef + markRaw), never made reactive.
import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type { ApiError, TrajectoryData } from '@shared/contract'
import type { RunManifest, RunSummary } from '@shared/run'
import { api } from '@/api'

export const useRunsStore = defineStore('runs', () => {
  const manifest = shallowRef<RunManifest | null>(null)
  const trajectories = shallowRef<TrajectoryData | null>(null)
  const history = ref<RunSummary[]>([])
  const loading = ref(false)
  const error = shallowRef<ApiError | null>(null)

  const maxDepth = computed(() => manifest.value?.spec.integration.depth ?? 0)
  const hasLabels = computed(() => manifest.value?.labels === 'component' && !!trajectories.value?.labels)

  /** Load a run's manifest and trajectories together; the current run stays on screen until both arrive. */
  async function open(id: string): Promise<boolean> {
    loading.value = true
    const [m, t] = await Promise.all([api['runs.get']({ id }), api['runs.trajectories']({ id })])
    loading.value = false
    if (!m.ok) {
      error.value = m.error
      return false
    }
    if (!t.ok) {
      error.value = t.error
      return false
    }
    error.value = null
    trajectories.value = markRaw(t.value)
    manifest.value = markRaw(m.value)
    return true
  }

  async function refreshHistory(): Promise<void> {
    const r = await api['runs.list']({})
    if (r.ok) history.value = r.value
    else error.value = r.error
  }

  return { manifest, trajectories, history, loading, error, maxDepth, hasLabels, open, refreshHistory }
})
