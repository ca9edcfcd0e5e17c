// A pool worker for the pooled metrics' crash test: the engine's own 'depth-stats' task, except that the
// thread dies (exit code 3) on any range after the first, as an out-of-memory or native abort would.
import { serveTasks, type TaskHandler } from '../../../../electron/engine/pool/serve-tasks'
import { ENGINE_TASKS } from '../../../../electron/engine/pool/tasks'
import type { DepthStatsTask } from '../../../../electron/engine/pool/pooled-metrics'

const real = ENGINE_TASKS['depth-stats']

serveTasks({
  'depth-stats': ((task: DepthStatsTask, report: (p: unknown) => void) => (task.first > 0 ? process.exit(3) : real(task as never, report))) as TaskHandler
})
