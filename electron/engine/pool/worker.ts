// A pool worker thread (started by pool.ts, bundle entry 'pool-worker'): its own TF.js backend, the
// same one the engine chose, then the engine's tasks (tasks.ts) one at a time.
import { workerData } from 'node:worker_threads'
import { initBackend } from '../backend'
import type { PoolWorkerData } from './protocol'
import { serveTasks } from './serve-tasks'
import { ENGINE_TASKS } from './tasks'

serveTasks(ENGINE_TASKS, initBackend((workerData as PoolWorkerData | null)?.backend))
