// A WebSocket client of the browser-mode server for e2e set-up: start runs through the same contract the
// renderer uses (so tests can prepare history without driving a wizard) and wait for them to finish.
import WebSocket from 'ws'
import type { JobEvent, Method, RequestOf, ResponseOf, Result } from '../../shared/contract'
import { decodeMessage, encodeRequest } from '../../shared/wire'
import { english } from '../../shared/messages'

export interface EngineClient {
  call<M extends Method>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>>
  /** start a run and resolve with its run id once it is done (rejects if it fails) */
  run(spec: unknown): Promise<string>
  close(): void
}

export async function connectEngine(port: number, token: string): Promise<EngineClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`, { origin: `http://127.0.0.1:${port}` })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  const waiting = new Map<number, (r: Result<unknown>) => void>()
  const listeners = new Set<(e: JobEvent) => void>()
  let next = 1
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    const m = decodeMessage(isBinary ? new Uint8Array(data) : data.toString('utf8'))
    if (m.kind === 'event') listeners.forEach((l) => l(m.event))
    else if (typeof m.id === 'number') waiting.get(m.id)?.(m.result)
  })
  const call = <M extends Method>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>> =>
    new Promise((resolve) => {
      const id = next++
      waiting.set(id, resolve as (r: Result<unknown>) => void)
      ws.send(encodeRequest(id, method, request))
    })
  async function run(spec: unknown): Promise<string> {
    const ended = new Promise<JobEvent>((resolve) => {
      const l = (e: JobEvent): void => {
        if (e.type === 'done' || e.type === 'failed' || e.type === 'cancelled') {
          listeners.delete(l)
          resolve(e)
        }
      }
      listeners.add(l)
    })
    const started = await call('runs.start', { spec })
    if (!started.ok) throw new Error(english(started.error.message))
    const end = await ended
    if (end.type !== 'done') throw new Error(`run ended ${end.type}`)
    return end.runId
  }
  return { call, run, close: () => ws.close() }
}

/**
 * Saves the UI language (settings.json), which every test of the run shares (one worker): a spec in
 * Japanese sets it before its tests and puts it back after them.
 */
export async function setSavedLanguage(port: number, token: string, language: 'ja' | 'auto'): Promise<void> {
  const engine = await connectEngine(port, token)
  try {
    const r = await engine.call('settings.set', { settings: { language } })
    if (!r.ok) throw new Error(english(r.error.message))
  } finally {
    engine.close()
  }
}
