// The "Analyze an existing model" area: its wizard (a template tile on the home screen) and the layer
// analysis page (#/analysis?id=...; without an id it lists the analyses).
import type { ScreenDef } from './types'

export default [
  {
    id: 'analyze',
    component: () => import('@/views/AnalyzeWizard.vue'),
    titleKey: 'analyze.title',
    template: { order: 30, descriptionKey: 'analyze.templateDescription' }
  },
  { id: 'analysis', component: () => import('@/views/LayerAnalysisView.vue'), titleKey: 'analyze.analysisTitle' }
] satisfies ScreenDef[]
