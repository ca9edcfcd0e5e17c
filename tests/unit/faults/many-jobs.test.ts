// Fault: many jobs at once, in-process. The queue is bounded (1 running + 8 waiting; the next is refused
// with 'busy'); cancelling them all in a row ends every one as cancelled, writes no run, and leaves no
// tensor behind (tf.memory().numTensors back at its baseline).
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EngineService, JobEvent } from '../../../shared/contract'
import { tf } from '../../../electron/engine/backend'
import { createEngineService } from '../../../electron/engine/service'
import { quickSpec, slowSpec } from './fixtures/specs'
import { english } from '../../../shared/messages'

let ws: string
let service: EngineService
const events: JobEvent[] = []

beforeAll(async () => {
  ws = await mkdtemp(join(tmpdir(), 'nagare-many-'))
  service = await createEngineService({ workspace: ws, mode: 'in-process', backend: 'cpu' })
  service.onEvent((e) => events.push(e))
})
afterAll(async () => {
  await service.dispose()
  await rm(ws, { recursive: true, force: true })
})

const ended = (jobId: string): JobEvent | undefined => events.find((e) => e.jobId === jobId && ['done', 'failed', 'cancelled'].includes(e.type))

describe('many jobs at once', () => {
  it('are bounded, and cancelling all in a row leaks no tensors and writes no run', async () => {
    const baseline = tf.memory().numTensors
    const ids: string[] = []
    for (let i = 0; i < 9; i++) {
      const r = await service.call('runs.start', { spec: slowSpec(`many ${i}`) })
      if (!r.ok) throw new Error(english(r.error.message))
      ids.push(r.value.jobId)
    }
    const refused = await service.call('runs.start', { spec: slowSpec('one too many') })
    expect(refused).toMatchObject({ ok: false, error: { code: 'busy' } })
    // wait until the first job is really computing, so its cancel interrupts tensor work
    await new Promise<void>((res) => {
      const t = setInterval(() => events.some((e) => e.jobId === ids[0] && e.type === 'progress') && res(clearInterval(t)), 5)
    })
    for (const id of ids) expect(await service.call('jobs.cancel', { jobId: id })).toEqual({ ok: true, value: { cancelled: true } })
    await new Promise<void>((res) => {
      const t = setInterval(() => ids.every(ended) && res(clearInterval(t)), 10)
    })
    expect(ids.map((id) => ended(id)!.type)).toEqual(ids.map(() => 'cancelled'))
    // only the first ever started
    expect(events.filter((e) => e.type === 'started').map((e) => e.jobId)).toEqual([ids[0]])
    expect(tf.memory().numTensors).toBe(baseline)
    expect(await readdir(join(ws, 'runs')).catch(() => [])).toEqual([])
    // and the queue takes work again
    const next = await service.call('runs.start', { spec: quickSpec('after') })
    if (!next.ok) throw new Error(english(next.error.message))
    await new Promise<void>((res) => {
      const t = setInterval(() => ended(next.value.jobId) && res(clearInterval(t)), 10)
    })
    expect(ended(next.value.jobId)!.type).toBe('done')
    expect(tf.memory().numTensors).toBe(baseline)
  })
})
