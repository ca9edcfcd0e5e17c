// Comparing two runs, and a run's printable one-page report (reached from a run's exports).
import type { ScreenDef } from './types'

export default [
  { id: 'compare', component: () => import('@/views/CompareView.vue'), titleKey: 'compare.title', nav: { order: 25 } },
  { id: 'report', component: () => import('@/views/ReportView.vue'), titleKey: 'report.title' }
] satisfies ScreenDef[]
