// The "Train a continuous-depth network" area: its wizard with the live training view and the results
// workspace (#/train), a template tile on the home screen.
import type { ScreenDef } from './types'

export default [
  {
    id: 'train',
    component: () => import('@/views/TrainWizard.vue'),
    titleKey: 'train.title',
    template: { order: 20, descriptionKey: 'train.templateDescription' }
  }
] satisfies ScreenDef[]
