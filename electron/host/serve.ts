// Child side of the host protocol: answer calls with the engine service, push its job events, and
// dispose it on request. Shared by the worker-thread entry and the Electron utility-process entry.
import { fail, parseRequest, type EngineService, type Result } from '../../shared/contract'
import { toApiError } from '../engine/errors'
import { isDispose, isHostCall, type ChildMessage } from './protocol'
import { message } from '../../shared/messages'

/** The minimal channel to the parent: post a message, receive messages. */
export interface HostPort {
  post(message: ChildMessage): void
  onMessage(listener: (message: unknown) => void): void
}

export function serveEngine(port: HostPort, start: () => Promise<EngineService>): void {
  // Start at once so the engine (TF.js, backend probing) warms up before the first call arrives.
  const ready: Promise<Result<EngineService>> = start().then(
    (service) => {
      service.onEvent((event) => port.post({ event }))
      return { ok: true as const, value: service }
    },
    (e: unknown) => fail('internal', message('engine.couldNotStart', { detail: toApiError(e).message }))
  )

  const answer = async (id: number, method: string, request: unknown): Promise<void> => {
    let result: Result<unknown>
    const service = await ready
    if (!service.ok) result = service
    else {
      // The parent validated already; parse again so the engine never sees an unchecked payload.
      const parsed = parseRequest(method, request)
      if (!parsed.ok) result = parsed
      else {
        try {
          result = await service.value.call(parsed.value.method, parsed.value.request as never)
        } catch (e) {
          result = { ok: false, error: toApiError(e) }
        }
      }
    }
    try {
      port.post({ id, result })
    } catch (e) {
      port.post({ id, result: fail('internal', message('engine.answerNotSent', { detail: toApiError(e).message })) })
    }
  }

  port.onMessage((message) => {
    if (isHostCall(message)) void answer(message.id, message.method, message.request)
    else if (isDispose(message))
      void ready
        .then((s) => (s.ok ? s.value.dispose() : undefined))
        .catch(() => undefined)
        .then(() => port.post({ control: 'disposed' }))
  })
}
