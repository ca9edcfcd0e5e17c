// Renaming and tagging one History row in place, for runs and layer analyses alike (called from the row's
// setup): the name field's draft and check, focus into the field and back to the Rename button, and the
// busy flag while the store saves.
import { computed, nextTick, ref, useTemplateRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { LIMITS } from '@shared/limits'
import { checkName } from './filter'

export interface RowPatch {
  name?: string
  tags?: string[]
}

export function useRowEditing(entry: () => { id: string; name: string }, update: (id: string, patch: RowPatch) => Promise<{ ok: boolean }>) {
  const { t } = useI18n()
  const busy = ref(false)
  const renaming = ref(false)
  const draft = ref('')
  // the row's template names them ref="nameInput" and ref="renameButton"
  const nameInput = useTemplateRef<HTMLInputElement>('nameInput')
  const renameButton = useTemplateRef<HTMLButtonElement>('renameButton')
  const nameCheck = computed(() => checkName(draft.value, LIMITS.maxNameLength))
  const nameError = computed(() => (nameCheck.value.ok ? '' : t(`runList.nameErrors.${nameCheck.value.reason}`, { max: LIMITS.maxNameLength })))

  async function startRename(): Promise<void> {
    draft.value = entry().name
    renaming.value = true
    await nextTick()
    nameInput.value?.focus()
    nameInput.value?.select()
  }
  async function endRename(): Promise<void> {
    renaming.value = false
    await nextTick()
    renameButton.value?.focus()
  }
  async function saveName(): Promise<void> {
    const c = nameCheck.value
    if (!c.ok) return
    if (c.name === entry().name) return endRename()
    busy.value = true
    const r = await update(entry().id, { name: c.name })
    busy.value = false
    if (r.ok) await endRename()
  }
  async function setTags(tags: string[]): Promise<void> {
    busy.value = true
    await update(entry().id, { tags })
    busy.value = false
  }
  return { busy, renaming, draft, nameCheck, nameError, startRename, endRename, saveName, setTags }
}
