// Imported datasets: the list shown on the "Your data" screen and offered by the wizards, refreshed from
// data.list and updated at once when an import completes; renaming, trashing (with undo) and restoring
// a dataset go through the engine and update the list from its answer.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ApiError, Result } from '@shared/contract'
import type { DatasetInfo, DatasetView } from '@shared/dataset'
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

  const byDate = (a: DatasetInfo, b: DatasetInfo): number => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)

  function view(id: string): Promise<Result<DatasetView>> {
    return api['data.get']({ id })
  }

  async function rename(id: string, name: string): Promise<Result<DatasetInfo>> {
    const r = await api['data.update']({ id, name })
    if (r.ok) datasets.value = datasets.value.map((d) => (d.id === id ? r.value : d))
    return r
  }

  async function trash(id: string): Promise<Result<{ id: string }>> {
    const r = await api['data.trash']({ id })
    if (r.ok) datasets.value = datasets.value.filter((d) => d.id !== id)
    return r
  }

  async function restore(id: string): Promise<Result<DatasetInfo>> {
    const r = await api['data.restore']({ id })
    if (r.ok) datasets.value = [...datasets.value.filter((d) => d.id !== id), r.value].sort(byDate)
    return r
  }

  return { datasets, loaded, error, refresh, added, view, rename, trash, restore }
})
