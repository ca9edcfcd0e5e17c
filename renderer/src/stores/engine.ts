// Engine store: what the engine reports about itself (version, active backend, mode), loaded once.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ApiError, EngineInfo } from '@shared/contract'
import { api } from '@/api'

export const useEngineStore = defineStore('engine', () => {
  const info = shallowRef<EngineInfo | null>(null)
  const error = shallowRef<ApiError | null>(null)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    const r = await api['engine.info']({})
    loading.value = false
    if (r.ok) {
      info.value = r.value
      error.value = null
    } else {
      error.value = r.error
    }
  }

  return { info, error, loading, load }
})
