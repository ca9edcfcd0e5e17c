// A small fake EngineService for server and transport tests: records calls, emits events on demand.
import { fail, ok, type EngineService, type JobEvent, type Method } from '../../../shared/contract'
import { message } from '../../../shared/messages'

export interface FakeService extends EngineService {
  calls: { method: Method; request: unknown }[]
  emit(event: JobEvent): void
  /** resolve every call held by 'runs.get' { id: 'hold' } */
  release(): void
  disposed: boolean
}

export function fakeService(): FakeService {
  const listeners = new Set<(e: JobEvent) => void>()
  const held: (() => void)[] = []
  const svc: FakeService = {
    calls: [],
    disposed: false,
    async call(method, request) {
      svc.calls.push({ method, request })
      const r = request as Record<string, unknown>
      switch (method) {
        case 'engine.info':
          return ok({ appVersion: '0.0.0-test', backend: 'cpu', available: ['cpu'], mode: 'browser', workspace: '/fake' }) as never
        case 'runs.start':
          return ok({ jobId: 'job-1' }) as never
        case 'runs.list':
          return ok([{ id: 'run-a', name: 'A', createdAt: '2025-01-01T00:00:00Z', status: 'complete' }]) as never
        case 'runs.trajectories':
          return ok({
            shape: [2, 3, 1],
            depths: [0, 0.5],
            data: new Float32Array([0, 1, 2, 0.25, 1.25, 2.25]),
            labels: new Int32Array([0, 1, 1])
          }) as never
        case 'runs.get':
          if (r.id === 'hold') {
            await new Promise<void>((res) => held.push(res))
            return ok({ held: true }) as never
          }
          if (r.id === 'throw') throw new Error('fake exploded')
          return fail('not-found', message('runs.noRun', { id: String(r.id) })) as never
        default:
          return fail('internal', message('errmsg.internal', { detail: `fake has no ${method}` })) as never
      }
    },
    onEvent(l) {
      listeners.add(l)
      return () => void listeners.delete(l)
    },
    async dispose() {
      svc.disposed = true
    },
    emit(e) {
      for (const l of listeners) l(e)
    },
    release() {
      held.splice(0).forEach((f) => f())
    }
  }
  return svc
}
