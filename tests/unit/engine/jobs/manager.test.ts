import { describe, expect, it } from 'vitest'
import type { JobEvent } from '../../../../shared/contract'
import { BlowUpError, EngineError } from '../../../../electron/engine/errors'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { JobManager } from '../../../../electron/engine/jobs/manager'
import { Throttle } from '../../../../electron/engine/jobs/throttle'
import { message } from '../../../../shared/messages'

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

function record(m: JobManager): JobEvent[] {
  const events: JobEvent[] = []
  m.onEvent((e) => events.push(e))
  return events
}

const terminal = (events: JobEvent[], jobId: string): JobEvent[] =>
  events.filter((e) => e.jobId === jobId && (e.type === 'done' || e.type === 'failed' || e.type === 'cancelled'))

describe('JobManager', () => {
  it('runs a job: started, progress, a final progress of 1, then exactly one done', async () => {
    const m = new JobManager()
    const events = record(m)
    const id = m.submit('one', async (ctx) => {
      ctx.progress(0.5, 0.1)
      await ctx.checkpoint()
      return 'run-1'
    })
    expect(id).toMatch(/^[A-Za-z0-9-]{1,64}$/)
    await m.idle()
    expect(events.map((e) => e.type)).toEqual(['started', 'progress', 'progress', 'done'])
    expect(events[0]).toEqual({ jobId: id, type: 'started', name: 'one' })
    expect(events[1]).toEqual({ jobId: id, type: 'progress', fraction: 0.5, depth: 0.1 })
    expect(events[2]).toEqual({ jobId: id, type: 'progress', fraction: 1 })
    expect(events[3]).toEqual({ jobId: id, type: 'done', runId: 'run-1' })
  })

  it('throttles progress to about 10 per second', async () => {
    const m = new JobManager()
    const events = record(m)
    const started = Date.now()
    const id = m.submit('busy', async (ctx) => {
      for (let i = 0; i < 500; i++) {
        ctx.progress(i / 500)
        await sleep(1)
      }
      return 'r'
    })
    await m.idle()
    const seconds = (Date.now() - started) / 1000
    const progress = events.filter((e) => e.type === 'progress')
    expect(seconds).toBeGreaterThan(0.5)
    // 500 updates became at most one per 100 ms (+ the leading one and the final 1)
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 2)
    expect(progress.length).toBeGreaterThanOrEqual(3)
    expect(progress.at(-1)).toEqual({ jobId: id, type: 'progress', fraction: 1 })
  })

  it('queues jobs one at a time and refuses with busy past the bound', async () => {
    const m = new JobManager({ maxQueued: 2 })
    const events = record(m)
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const order: string[] = []
    const a = m.submit('a', async () => {
      order.push('a-start')
      await gate
      order.push('a-end')
      return 'ra'
    })
    const b = m.submit('b', async () => {
      order.push('b')
      return 'rb'
    })
    m.submit('c', async () => 'rc')
    let busy: unknown
    try {
      m.submit('d', async () => 'rd')
    } catch (e) {
      busy = e
    }
    expect(busy).toBeInstanceOf(EngineError)
    expect((busy as EngineError).code).toBe('busy')
    await sleep(10)
    expect(m.runningJobId).toBe(a)
    expect(m.queuedCount).toBe(2)
    release()
    await m.idle()
    expect(order).toEqual(['a-start', 'a-end', 'b'])
    expect(terminal(events, b)).toEqual([{ jobId: b, type: 'done', runId: 'rb' }])
  })

  it('cancels a running job at its next checkpoint and a queued job at once', async () => {
    const m = new JobManager()
    const events = record(m)
    let steps = 0
    const running = m.submit('long', async (ctx) => {
      for (;;) {
        steps++
        await sleep(2)
        await ctx.checkpoint()
      }
    })
    const queued = m.submit('waiting', async () => 'never')
    await sleep(30)
    expect(m.cancel(queued)).toBe(true)
    expect(terminal(events, queued)).toEqual([{ jobId: queued, type: 'cancelled' }])
    expect(events.some((e) => e.jobId === queued && e.type === 'started')).toBe(false)
    const before = steps
    expect(m.cancel(running)).toBe(true)
    await m.idle()
    expect(steps - before).toBeLessThanOrEqual(1)
    expect(terminal(events, running)).toEqual([{ jobId: running, type: 'cancelled' }])
    expect(m.cancel(running)).toBe(false)
    expect(m.cancel('job-unknown')).toBe(false)
  })

  it('reports failures as data with the error code, and survives a throwing listener', async () => {
    const m = new JobManager()
    m.onEvent(() => {
      throw new Error('listener bug')
    })
    const events = record(m)
    const id = m.submit('boom', async () => {
      throw new BlowUpError(0.25, message('engine.positionsNonFinite'))
    })
    const id2 = m.submit('after', async () => 'fine')
    await m.idle()
    const failed = terminal(events, id)
    expect(failed).toHaveLength(1)
    expect(failed[0]).toMatchObject({
      type: 'failed',
      error: { code: 'blow-up', message: message('engine.blowUp', { depth: '0.250000', detail: message('engine.positionsNonFinite') }) }
    })
    expect(terminal(events, id2)).toEqual([{ jobId: id2, type: 'done', runId: 'fine' }])
  })

  it('dispose cancels everything', async () => {
    const m = new JobManager()
    const events = record(m)
    const a = m.submit('a', async (ctx) => {
      for (;;) await ctx.checkpoint()
    })
    const b = m.submit('b', async () => 'x')
    await sleep(5)
    await m.dispose()
    expect(
      events
        .filter((e) => e.type === 'cancelled')
        .map((e) => e.jobId)
        .sort()
    ).toEqual([a, b].sort())
  })
})

describe('job context and throttle', () => {
  it('checkpoint yields to the event loop so an abort can land during a synchronous-looking loop', async () => {
    const c = new AbortController()
    const ctx = createJobContext(c.signal)
    setTimeout(() => c.abort(), 10)
    let rounds = 0
    const spin = async (): Promise<void> => {
      for (;;) {
        const t = Date.now()
        while (Date.now() - t < 2); // busy work between checkpoints: timers only fire when checkpoint yields
        await ctx.checkpoint()
        rounds++
      }
    }
    await expect(spin()).rejects.toMatchObject({ code: 'cancelled' })
    // without a yield inside checkpoint the timer could never fire and this loop would never end
    expect(rounds).toBeGreaterThan(0)
    expect(ctx.cancelled).toBe(true)
  })

  it('throttle: leading edge, trailing value, explicit flush', async () => {
    let now = 0
    const out: number[] = []
    const t = new Throttle<number>(
      100,
      (v) => out.push(v),
      () => now
    )
    t.push(1)
    now = 10
    t.push(2)
    now = 50
    t.push(3)
    expect(out).toEqual([1])
    t.flush()
    expect(out).toEqual([1, 3])
    now = 300
    t.push(4)
    t.push(5)
    t.cancel()
    expect(out).toEqual([1, 3, 4])
  })
})
