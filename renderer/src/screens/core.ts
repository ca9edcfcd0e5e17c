// The workbench's own screens: home, the DAE transport study, one run's results, the history and settings.
import type { ScreenDef } from './types'

const screens: ScreenDef[] = [
  { id: 'home', component: () => import('@/views/HomeView.vue'), titleKey: 'home.title', nav: { order: 0 } },
  {
    id: 'dae',
    component: () => import('@/views/DaeExperimentView.vue'),
    titleKey: 'home.dae.title',
    template: { order: 10, descriptionKey: 'home.dae.description' }
  },
  { id: 'run', component: () => import('@/views/RunView.vue'), titleKey: 'home.run.title' },
  { id: 'history', component: () => import('@/views/HistoryView.vue'), titleKey: 'runList.title', nav: { order: 20 } },
  { id: 'settings', component: () => import('@/views/SettingsView.vue'), titleKey: 'settings.title', nav: { order: 90 } }
]

export default screens
