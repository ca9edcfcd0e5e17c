// Layer analyses side by side: comparing two saved analyses (#/analysis-compare?a=&b=), reached from
// History and from the analysis page.
import type { ScreenDef } from './types'

export default [{ id: 'analysis-compare', component: () => import('@/views/AnalysisCompareView.vue'), titleKey: 'anagui.cmp.title' }] satisfies ScreenDef[]
