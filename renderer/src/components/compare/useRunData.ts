// One run's manifest and trajectories, loaded into this component's state (not the shared runs store),
// so two runs can be on screen at once.
import { markRaw, ref, shallowRef } from 'vue'
import type { TrajectoryData } from '@shared/contract'
import type { Message } from '@shared/messages'
import type { RunManifest } from '@shared/run'
import { api } from '@/api'

export function useRunData() {
  const manifest = shallowRef<RunManifest | null>(null)
  const trajectories = shallowRef<TrajectoryData | null>(null)
  const error = shallowRef<Message | null>(null)
  const loading = ref(false)

  async function load(id: string): Promise<void> {
    loading.value = true
    const [m, t] = await Promise.all([api['runs.get']({ id }), api['runs.trajectories']({ id })])
    loading.value = false
    if (!m.ok || !t.ok) {
      error.value = (!m.ok ? m.error : !t.ok ? t.error : null)?.message ?? null
      manifest.value = null
      trajectories.value = null
      return
    }
    error.value = null
    manifest.value = markRaw(m.value)
    trajectories.value = markRaw(t.value)
  }

  return { manifest, trajectories, error, loading, load }
}
