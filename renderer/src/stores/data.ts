// Imported datasets: the list shown on the "Your data" screen and offered by the wizards, refreshed from
// data.list and updated at once when an import completes.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ApiError } from '@shared/contract'
import type { DatasetInfo } from '@shared/dataset'
import { api } from '@/api'

export const useDataStore = defineStore('data', () => {
  const datasets = ref<DatasetInfo[]>([])
  const loaded = ref(false)
  const error = shallowRef<ApiError | null>(null)

  async function refresh(): Promise<void> {
    const r = await api['data.list']({})
    loaded.value = true
    if (r.ok) {
      datasets.value = r.value
      error.value = null
    } else error.value = r.error
  }

  /** a dataset just imported: first in the list (newest first), without waiting for a refresh */
  function added(info: DatasetInfo): void {
    datasets.value = [info, ...datasets.value.filter((d) => d.id !== info.id)]
  }

  return { datasets, loaded, error, refresh, added }
})
