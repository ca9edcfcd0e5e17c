// Renaming and tagging one History row in place, for runs and layer analyses alike (called from the row's
// setup): whether the rename form shows, focus back to the Rename button when it goes, and the busy flag
// while the store saves. The form itself (field, check, focus into it) is RenameForm.vue.
import { nextTick, ref, useTemplateRef } from 'vue'

export interface RowPatch {
  name?: string
  tags?: string[]
}

export function useRowEditing(entry: () => { id: string; name: string }, update: (id: string, patch: RowPatch) => Promise<{ ok: boolean }>) {
  const busy = ref(false)
  const renaming = ref(false)
  // the row's template names it ref="renameButton"
  const renameButton = useTemplateRef<HTMLButtonElement>('renameButton')

  function startRename(): void {
    renaming.value = true
  }
  async function endRename(): Promise<void> {
    renaming.value = false
    await nextTick()
    renameButton.value?.focus()
  }
  /** the name RenameForm has checked */
  async function saveName(name: string): Promise<void> {
    if (name === entry().name) return endRename()
    busy.value = true
    const r = await update(entry().id, { name })
    busy.value = false
    if (r.ok) await endRename()
  }
  async function setTags(tags: string[]): Promise<void> {
    busy.value = true
    await update(entry().id, { tags })
    busy.value = false
  }
  return { busy, renaming, startRename, endRename, saveName, setTags }
}
