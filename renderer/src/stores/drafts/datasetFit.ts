// The Gaussian mixture the continuous DAE of an imported dataset will follow, fitted by the engine
// (data.fitMixture) while the wizard is filled in, so its singular time t* can be shown and the depth
// checked against it before Run: the spec alone cannot know t*, it depends on the rows. Answers to
// an older request (the user changed K or the columns meanwhile) are dropped.
import { ref, watch, type Ref } from 'vue'
import type { MixtureFit } from '@shared/dataset'
import type { FieldError } from '@shared/experiment'
import { api } from '@/api'

export interface FitRequest {
  id: string
  columns: number[]
  components: number
  seed: number
}

export interface DatasetFit {
  result: Ref<MixtureFit | null>
  /** the engine's field errors (too few rows for K, a dataset that cannot be read) */
  errors: Ref<FieldError[]>
  pending: Ref<boolean>
}

/** waits this long after the last edit before asking the engine (typing "12" asks once, not twice) */
export const FIT_DEBOUNCE_MS = 250

export function useDatasetFit(request: () => FitRequest | null): DatasetFit {
  const result = ref<MixtureFit | null>(null)
  const errors = ref<FieldError[]>([])
  const pending = ref(false)
  let asked = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const ask = async (r: FitRequest, n: number): Promise<void> => {
    const answer = await api['data.fitMixture'](r)
    if (n !== asked) return
    pending.value = false
    if (answer.ok) {
      result.value = answer.value
      errors.value = []
    } else {
      result.value = null
      errors.value = answer.error.fields?.length ? answer.error.fields : [{ field: 'distribution.id', message: answer.error.message }]
    }
  }
  watch(
    () => JSON.stringify(request()),
    () => {
      const r = request()
      const n = ++asked
      clearTimeout(timer)
      result.value = null
      errors.value = []
      pending.value = r !== null
      if (r) timer = setTimeout(() => void ask(r, n), FIT_DEBOUNCE_MS)
    },
    // sync: a stale fit or error must never outlive the edit that made it stale, not even for a tick
    { immediate: true, flush: 'sync' }
  )
  return { result, errors, pending }
}
