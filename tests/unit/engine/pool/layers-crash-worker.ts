// A pool worker for the pooled layer analysis's crash test: the engine's own 'layer-row' task, except
// that the thread dies (exit code 3) on any row after the first, as an out-of-memory or native abort would.
import { serveTasks, type TaskHandler } from '../../../../electron/engine/pool/serve-tasks'
import { ENGINE_TASKS } from '../../../../electron/engine/pool/tasks'
import type { LayerRowTask } from '../../../../electron/engine/layers/layer-row-task'

const real = ENGINE_TASKS['layer-row']

serveTasks({
  'layer-row': ((task: LayerRowTask, report: (p: unknown) => void) => (task.l > 1 ? process.exit(3) : real(task as never, report))) as TaskHandler
})
