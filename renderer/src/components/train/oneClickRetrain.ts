// The one-click regularised re-trains of the change-and-re-train panel (TrainRerun.vue): a copy of the
// open run's spec with the kinetic or the Jacobian weight switched on (or ten times stronger), offered
// only where the spec can take it; once the new run is done, the before/after comparison of the two runs
// opens on the Compare screen.
import { computed, ref, shallowRef, watch, type ComputedRef, type Ref } from 'vue'
import type { Message } from '@shared/messages'
import { storeToRefs } from 'pinia'
import { useI18n } from 'vue-i18n'
import { parseSpec } from '@shared/experiment'
import { useRunsStore } from '@/stores/runs'
import { useJobsStore } from '@/stores/jobs'
import { useNavStore } from '@/stores/nav'
import { canRegularize, REGULARIZERS, regularizedSpec, type Regularizer } from '@/components/analyses/regularize'

export interface OneClickOption {
  r: Regularizer
  /** the copy to start (a plain spec object, checked by the engine on start) */
  spec: Record<string, unknown>
  weight: number
  /** the engine's spec check accepts the copy */
  ok: boolean
}

export function useOneClickRetrain(): {
  options: ComputedRef<OneClickOption[]>
  before: Ref<string | null>
  refused: Ref<Message | null>
  retrain: (r: Regularizer) => Promise<void>
} {
  const { t } = useI18n()
  const { manifest } = storeToRefs(useRunsStore())
  const jobs = useJobsStore()
  const { status } = storeToRefs(jobs)
  const nav = useNavStore()
  /** the run re-trained from, while its regularised copy trains */
  const before = ref<string | null>(null)
  const refused = shallowRef<Message | null>(null)
  const busy = computed(() => status.value === 'starting' || status.value === 'running' || status.value === 'loading')

  const options = computed(() => {
    const m = manifest.value
    if (!m) return []
    return REGULARIZERS.filter((r) => canRegularize(m.spec, r)).map((r) => {
      const { spec, weight } = regularizedSpec(m.spec, r, t(`anagui.retrain.suffix.${r}`))
      return { r, spec, weight, ok: parseSpec(spec).ok }
    })
  })

  async function retrain(r: Regularizer): Promise<void> {
    const o = options.value.find((x) => x.r === r)
    const m = manifest.value
    if (!o || !o.ok || !m || busy.value) return
    refused.value = null
    before.value = m.id
    if (!(await jobs.start(JSON.parse(JSON.stringify(o.spec))))) {
      before.value = null
      refused.value = jobs.error?.message ?? null
    }
  }

  // the new run opens when its job is done: then the before/after comparison takes over
  watch(
    () => manifest.value?.id,
    (id) => {
      if (!before.value || !id || id === before.value) return
      const a = before.value
      before.value = null
      nav.go('compare', { a, b: id })
    }
  )
  watch(status, (s) => {
    if (s === 'failed' || s === 'cancelled') before.value = null
  })

  return { options, before, refused, retrain }
}
