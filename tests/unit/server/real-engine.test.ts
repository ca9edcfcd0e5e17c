// Browser mode with the real engine (in-process here): a WebSocket client speaking shared/wire against
// the server on a temporary workspace — engine.info, runs.list, and one tiny run through to its trajectories.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import type { EngineService, JobEvent, Method, RequestOf, ResponseOf, Result } from '../../../shared/contract'
import { decodeMessage, encodeRequest } from '../../../shared/wire'
import { createEngineService } from '../../../electron/engine/service'
import { startServer, type RunningServer } from '../../../electron/server/server'

let workspace: string
let service: EngineService
let server: RunningServer
let ws: WebSocket
const events: JobEvent[] = []
const waiting = new Map<number, (r: Result<unknown>) => void>()
let nextId = 1

function call<M extends Method>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>> {
  const id = nextId++
  return new Promise((resolve) => {
    waiting.set(id, resolve as (r: Result<unknown>) => void)
    ws.send(encodeRequest(id, method, request))
  })
}
const api = {
  'engine.info': (r: RequestOf<'engine.info'>) => call('engine.info', r),
  'runs.list': (r: RequestOf<'runs.list'>) => call('runs.list', r),
  'runs.start': (r: RequestOf<'runs.start'>) => call('runs.start', r),
  'runs.trajectories': (r: RequestOf<'runs.trajectories'>) => call('runs.trajectories', r)
}

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'nagare-real-'))
  service = await createEngineService({ workspace, mode: 'in-process', backend: 'cpu' })
  server = await startServer({ service, staticDir: workspace })
  ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`, { origin: `http://127.0.0.1:${server.port}` })
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    const m = decodeMessage(isBinary ? new Uint8Array(data) : data.toString('utf8'))
    if (m.kind === 'event') events.push(m.event)
    else if (typeof m.id === 'number') waiting.get(m.id)?.(m.result)
  })
  await new Promise((res) => ws.once('open', res))
})

afterAll(async () => {
  ws.close()
  await server.close()
  await service.dispose()
  rmSync(workspace, { recursive: true, force: true })
})

describe('the server over the real engine', () => {
  it('answers engine.info and runs.list for the temporary workspace', async () => {
    const info = await api['engine.info']({})
    expect(info).toMatchObject({ ok: true, value: { backend: 'cpu', mode: 'in-process', workspace } })
    expect(await api['runs.list']({})).toEqual({ ok: true, value: [] })
  })

  it('runs a tiny spec to completion and streams its trajectories back as typed arrays', async () => {
    const spec = {
      version: 1,
      name: 'wire check',
      seed: 3,
      distribution: { kind: 'gaussian', mean: [0], covariance: [[1]] },
      particles: { kind: 'points', points: [[-1], [0], [2]] },
      flow: { kind: 'continuous-dae' },
      integration: { solver: 'rk4', depth: 0.2, stepSize: 0.05, samples: 3 }
    }
    const started = await api['runs.start']({ spec })
    expect(started.ok).toBe(true)
    const jobId = started.ok ? started.value.jobId : ''
    const t0 = Date.now()
    while (!events.some((e) => e.jobId === jobId && (e.type === 'done' || e.type === 'failed'))) {
      if (Date.now() - t0 > 30_000) throw new Error('run did not finish')
      await new Promise((r) => setTimeout(r, 20))
    }
    const end = events.find((e) => e.jobId === jobId && (e.type === 'done' || e.type === 'failed'))!
    expect(end.type).toBe('done')
    const runId = end.type === 'done' ? end.runId : ''
    const t = await api['runs.trajectories']({ id: runId })
    expect(t.ok).toBe(true)
    if (!t.ok) return
    expect(t.value.shape).toEqual([3, 3, 1])
    expect(t.value.data).toBeInstanceOf(Float32Array)
    // depth 0 holds the points as given; under the continuous DAE of N(0,1) the map is
    // x -> x * sqrt(1 - 2t) (the continuous DAE's closed form for a standard Gaussian), so at depth 0.2 each point is scaled by sqrt(0.6)
    expect([...t.value.data.slice(0, 3)]).toEqual([-1, 0, 2])
    const s = Math.sqrt(0.6)
    const last = [...t.value.data.slice(6, 9)]
    ;[-1 * s, 0, 2 * s].forEach((v, i) => expect(last[i]).toBeCloseTo(v, 5))
    const list = await api['runs.list']({})
    expect(list.ok && list.value.map((r) => r.id)).toEqual([runId])
  })
})
