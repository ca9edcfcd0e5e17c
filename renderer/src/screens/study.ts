// The depth and step-size study: a home-screen template.
import type { ScreenDef } from './types'

export default [
  {
    id: 'study',
    component: () => import('@/views/StepStudyView.vue'),
    titleKey: 'study.title',
    template: { order: 40, descriptionKey: 'study.templateDescription' }
  }
] satisfies ScreenDef[]
