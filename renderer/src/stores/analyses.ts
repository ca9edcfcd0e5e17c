// Saved layer analyses as History lists them: the list and its trash, and the user's edits (rename,
// tags, trash, restore), the same as the runs store offers for runs. An edit's error is kept by id so
// the row can say what went wrong next to that analysis.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ApiError, Result } from '@shared/contract'
import type { LayerAnalysisSummary } from '@shared/layers'
import { api } from '@/api'
import { afterTrash } from './trashLists'

export const useAnalysesStore = defineStore('analyses', () => {
  const history = ref<LayerAnalysisSummary[]>([])
  const trash = ref<LayerAnalysisSummary[]>([])
  const error = ref<ApiError | null>(null)
  /** the last error of changing each analysis, by id */
  const problems = ref<Record<string, ApiError>>({})

  function settle<T>(id: string, r: Result<T>): Result<T> {
    const next = { ...problems.value }
    if (r.ok) delete next[id]
    else next[id] = r.error
    problems.value = next
    return r
  }

  async function refreshHistory(): Promise<void> {
    const r = await api['layers.list']({})
    if (r.ok) history.value = r.value
    else error.value = r.error
  }

  async function refreshTrash(): Promise<void> {
    const r = await api['layers.list']({ trash: true })
    if (r.ok) trash.value = r.value
    else error.value = r.error
  }

  /** Rename and/or retag; the entry is replaced by the engine's answer. */
  async function update(id: string, change: { name?: string; tags?: string[] }): Promise<Result<LayerAnalysisSummary>> {
    const r = settle(id, await api['layers.update']({ id, ...change }))
    if (r.ok) history.value = history.value.map((h) => (h.id === id ? r.value : h))
    return r
  }

  /** Move to the trash (recoverable); it leaves the history at once. */
  async function moveToTrash(id: string): Promise<Result<{ id: string }>> {
    const r = settle(id, await api['layers.trash']({ id }))
    if (r.ok) ({ history: history.value, trash: trash.value } = afterTrash(history.value, trash.value, id))
    return r
  }

  /** Bring back from the trash into the history. */
  async function restore(id: string): Promise<Result<{ id: string }>> {
    const r = settle(id, await api['layers.restore']({ id }))
    if (r.ok) {
      trash.value = trash.value.filter((h) => h.id !== id)
      await refreshHistory()
    }
    return r
  }

  return { history, trash, error, problems, refreshHistory, refreshTrash, update, moveToTrash, restore }
})
