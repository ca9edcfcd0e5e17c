// The "Your data" area: import CSV/TSV/NPY/NPZ files and list the imported datasets (#/data).
import type { ScreenDef } from './types'

export default [{ id: 'data', component: () => import('@/views/DataView.vue'), titleKey: 'data.title', nav: { order: 30 } }] satisfies ScreenDef[]
