// Runs store: the run being looked at (manifest + trajectories), the history of runs in the workspace and
// its trash, and the history's edits (rename, tags, trash, restore, archive). Trajectories are large typed
// arrays: held raw (shallowRef + markRaw), never made reactive. A run that fails to open keeps its error
// by id, so the screen can say what is wrong next to that run instead of going blank.
import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type { ApiError, Result, TrajectoryData } from '@shared/contract'
import type { RunManifest, RunSummary } from '@shared/run'
import { api } from '@/api'
import { afterTrash } from './trashLists'

export const useRunsStore = defineStore('runs', () => {
  const manifest = shallowRef<RunManifest | null>(null)
  const trajectories = shallowRef<TrajectoryData | null>(null)
  const history = ref<RunSummary[]>([])
  const trash = ref<RunSummary[]>([])
  const loading = ref(false)
  const error = shallowRef<ApiError | null>(null)
  /** the last error of opening or changing each run, by id */
  const problems = ref<Record<string, ApiError>>({})

  const maxDepth = computed(() => manifest.value?.spec.integration.depth ?? 0)
  const hasLabels = computed(() => (manifest.value?.labels === 'component' || manifest.value?.labels === 'class') && !!trajectories.value?.labels)

  function noteProblem(id: string, e: ApiError | null): void {
    const next = { ...problems.value }
    if (e) next[id] = e
    else delete next[id]
    problems.value = next
  }

  /** The screen that opened the run on show ('run', 'dae', 'train'): a wizard shows only runs it made or picked. */
  const openedFrom = ref<string | null>(null)
  /** the latest open() asked for: an earlier answer arriving late (Back, Forward pressed quickly) is dropped */
  let latest = 0

  /**
   * Load a run's manifest and trajectories together; the current run stays on screen until both arrive.
   * False when it cannot be read, or when a later open() superseded this one.
   */
  async function open(id: string, from = 'run'): Promise<boolean> {
    const ticket = ++latest
    loading.value = true
    const [m, t] = await Promise.all([api['runs.get']({ id }), api['runs.trajectories']({ id })])
    if (ticket !== latest) return false
    loading.value = false
    if (!m.ok) {
      error.value = m.error
      noteProblem(id, m.error)
      return false
    }
    if (!t.ok) {
      error.value = t.error
      noteProblem(id, t.error)
      return false
    }
    error.value = null
    noteProblem(id, null)
    trajectories.value = markRaw(t.value)
    manifest.value = markRaw(m.value)
    openedFrom.value = from
    return true
  }

  async function refreshHistory(): Promise<void> {
    const r = await api['runs.list']({})
    if (r.ok) history.value = r.value
    else error.value = r.error
  }

  async function refreshTrash(): Promise<void> {
    const r = await api['runs.list']({ trash: true })
    if (r.ok) trash.value = r.value
    else error.value = r.error
  }

  /** Keep an edit's outcome by run id; the error is also returned for the caller to show. */
  function settle<T>(id: string, r: Result<T>): Result<T> {
    noteProblem(id, r.ok ? null : r.error)
    return r
  }

  /** Rename and/or retag a run; the history entry is replaced by the engine's answer. */
  async function update(id: string, change: { name?: string; tags?: string[] }): Promise<Result<RunSummary>> {
    const r = settle(id, await api['runs.update']({ id, ...change }))
    if (r.ok) {
      history.value = history.value.map((h) => (h.id === id ? r.value : h))
      if (manifest.value?.id === id && r.value.name !== manifest.value.name) manifest.value = markRaw({ ...manifest.value, name: r.value.name })
    }
    return r
  }

  /** Move a run to the trash (recoverable); it leaves the history at once. */
  async function moveToTrash(id: string): Promise<Result<{ id: string }>> {
    const r = settle(id, await api['runs.trash']({ id }))
    if (r.ok) ({ history: history.value, trash: trash.value } = afterTrash(history.value, trash.value, id))
    return r
  }

  /** Bring a run back from the trash into the history. */
  async function restore(id: string): Promise<Result<{ id: string }>> {
    const r = settle(id, await api['runs.restore']({ id }))
    if (r.ok) {
      trash.value = trash.value.filter((h) => h.id !== id)
      await refreshHistory()
    }
    return r
  }

  /** The whole run folder as one zip. */
  async function archive(id: string): Promise<Result<{ fileName: string; data: Uint8Array }>> {
    return settle(id, await api['runs.archive']({ id }))
  }

  return {
    manifest,
    trajectories,
    history,
    trash,
    loading,
    error,
    problems,
    maxDepth,
    hasLabels,
    openedFrom,
    open,
    refreshHistory,
    refreshTrash,
    update,
    moveToTrash,
    restore,
    archive
  }
})
