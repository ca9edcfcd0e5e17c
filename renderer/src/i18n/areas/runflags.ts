// Results-workspace strings for the flags raised on a run's per-depth metrics (components/results/RunFlags.vue);
// the flags' own texts come from the engine (shared/messages/catalog-fin13.ts) in either language.
import type { AreaMessages } from '../messages'

export default {
  en: {
    runFlags: {
      title: 'Flags',
      hint: 'Depths where the per-depth metrics cross a documented threshold, with what to change in the flow.',
      none: 'No flags: no kinetic-energy spike and no merging of apart pairs beyond the thresholds.',
      kind: { kinetic: 'Kinetic energy', merging: 'Merging' },
      remedy: 'Remedy'
    }
  },
  ja: {
    runFlags: {
      title: '指摘',
      hint: '深さごとの指標が文書化されたしきい値を超えた深さと、流れで変えるべき点です。',
      none: '指摘はありません。運動エネルギーの急増も、しきい値を超える離れたペアの併合もありません。',
      kind: { kinetic: '運動エネルギー', merging: '併合' },
      remedy: '対処'
    }
  }
} satisfies AreaMessages
