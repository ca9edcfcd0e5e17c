// Test fixture for the engine service's handler tests: an in-process service on a fresh temporary
// workspace whose job events land in the test's list, its disposal, and a wait for a job's end.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EngineService, JobEvent } from '../../../shared/contract'
import { createEngineService } from '../../../electron/engine/service'

/** A service on a new workspace under the temp dir named with `prefix`; its events are pushed to `events`; backend null: the engine's own choice. */
export async function openEngineService(prefix: string, events: JobEvent[], backend: 'cpu' | null = 'cpu'): Promise<{ ws: string; service: EngineService }> {
  const ws = await mkdtemp(join(tmpdir(), prefix))
  const service = await createEngineService({ workspace: ws, mode: 'in-process', ...(backend ? { backend } : {}) })
  service.onEvent((e) => events.push(e))
  return { ws, service }
}

export async function closeEngineService(service: EngineService, ws: string): Promise<void> {
  await service.dispose()
  await rm(ws, { recursive: true, force: true })
}

/** The job's done, failed or cancelled event, once it is among `events`. */
export function waitForJobEnd(events: JobEvent[], jobId: string): Promise<JobEvent> {
  return new Promise((res) => {
    const check = (): void => {
      const e = events.find((x) => x.jobId === jobId && ['done', 'failed', 'cancelled'].includes(x.type))
      if (e) res(e)
      else setTimeout(check, 10)
    }
    check()
  })
}
