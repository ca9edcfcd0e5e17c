// The step logic every wizard shares: the current step, which steps can be reached (forward only across
// valid steps; earlier ones always), the earlier steps a later edit made invalid (listed on the last step),
// and moving with the focus on the step's heading so keyboard and screen-reader users follow.
import { computed, nextTick, ref, type Ref } from 'vue'

/** `heading`: the step heading's template ref, focused after each move */
export function useWizardSteps(count: number, stepValid: Ref<boolean[]>, heading: Ref<HTMLElement | null>) {
  const current = ref(0)
  const reachable = (i: number): boolean => i <= current.value || stepValid.value.slice(current.value, i).every(Boolean)
  const last = computed(() => current.value === count - 1)
  /** on the last step, the indices of other steps that are invalid */
  const otherBadSteps = computed(() => (last.value ? Array.from({ length: count }, (_, i) => i).filter((i) => i !== current.value && !stepValid.value[i]) : []))

  async function go(i: number): Promise<void> {
    if (i < 0 || i >= count || !reachable(i)) return
    current.value = i
    await nextTick()
    heading.value?.focus()
  }

  return { current, reachable, last, otherBadSteps, go }
}
