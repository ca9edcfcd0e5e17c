// The rotating log (cap, kept files, JSON lines, tail across files), and the engine's use of it: job
// events and failures logged without data values, and the diagnostics text.
import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EngineService, JobEvent } from '../../../../shared/contract'
import { RotatingLog } from '../../../../electron/engine/logs/rotating-log'
import { createEngineService } from '../../../../electron/engine/service'
import { english } from '../../../../shared/messages'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-logs-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('RotatingLog', () => {
  it('rotates at the cap, keeps 3 files of JSON lines, and tails warnings across files', async () => {
    const log = new RotatingLog(join(dir, 'logs'), { maxBytes: 1000, keep: 3 })
    for (let i = 0; i < 100; i++) log.write({ level: i % 10 === 0 ? 'error' : 'info', event: `event-${i}`, jobId: `job-${i}` })
    const files = (await readdir(join(dir, 'logs'))).sort()
    expect(files).toEqual(['nagare.log', 'nagare.log.1', 'nagare.log.2'])
    const byFile = await Promise.all(
      ['nagare.log.2', 'nagare.log.1', 'nagare.log'].map(async (f) => {
        expect((await stat(join(dir, 'logs', f))).size).toBeLessThanOrEqual(1000)
        return (await readFile(join(dir, 'logs', f), 'utf8'))
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Record<string, string>)
      })
    )
    const all = byFile.flat()
    // consecutive events, newest last in nagare.log, the oldest rotated away
    const numbers = all.map((r) => Number(r.event.slice(6)))
    expect(numbers[numbers.length - 1]).toBe(99)
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0] + i))
    expect(numbers[0]).toBeGreaterThan(0)
    expect(Object.keys(all[0]).sort()).toEqual(['event', 'jobId', 'level', 'time'])
    expect(Date.parse(all[0].time)).not.toBeNaN()
    // 3 files of at most 1000 bytes hold about 33 lines: the errors 80 and 90 (70 was rotated away)
    expect(numbers[0]).toBeGreaterThan(70)
    const errorsKept = numbers.filter((n) => n % 10 === 0)
    expect(errorsKept).toEqual([80, 90])
    expect(log.tail(1).map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['event-90'])
    expect(log.tail(20).map((l) => Number((JSON.parse(l) as { event: string }).event.slice(6)))).toEqual(errorsKept)
  })

  it('skips torn lines and never throws when it cannot write', async () => {
    await mkdir(join(dir, 'logs'))
    await writeFile(join(dir, 'logs', 'nagare.log'), '{"level":"error","event":"a"}\n{"level":"err')
    const log = new RotatingLog(join(dir, 'logs'))
    log.write({ level: 'warn', event: 'b' })
    expect(log.tail(5).map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['a'])
    await writeFile(join(dir, 'a-file'), 'x')
    expect(() => new RotatingLog(join(dir, 'a-file', 'logs')).write({ level: 'error', event: 'x' })).not.toThrow()
  })
})

describe('engine logs and diagnostics', () => {
  let service: EngineService
  afterEach(async () => {
    await service?.dispose()
  })

  it('logs jobs and failures without data values; diagnostics has versions, backend and the last errors', async () => {
    const ws = join(dir, 'ws')
    const userData = join(dir, 'userdata')
    service = await createEngineService({ workspace: ws, userData, mode: 'in-process', backend: 'cpu' })
    const events: JobEvent[] = []
    service.onEvent((e) => events.push(e))
    const spec = {
      version: 1,
      name: 'log test',
      distribution: {
        kind: 'gaussian',
        mean: [3.14159265, -2.71828182],
        covariance: [
          [1.61803398, 0.5772156],
          [0.5772156, 4.6692016]
        ]
      },
      particles: { kind: 'sample', count: 7 },
      flow: { kind: 'continuous-dae' },
      integration: { solver: 'rk4', depth: 0.123456, stepSize: 0.041152, samples: 3 }
    }
    const started = await service.call('runs.start', { spec })
    if (!started.ok) throw new Error(english(started.error.message))
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (events.some((e) => e.type === 'done')) resolve(clearInterval(t))
      }, 10)
    })
    const runId = (events.find((e) => e.type === 'done') as { runId: string }).runId
    // an unreadable run: its failure is logged as a warning
    await writeFile(join(ws, 'runs', runId, 'run.json'), '{ "broken": 98765.4321')
    expect(await service.call('runs.get', { id: runId })).toMatchObject({ ok: false, error: { code: 'unreadable-run' } })
    const text = await readFile(join(userData, 'logs', 'nagare.log'), 'utf8')
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>)
    expect(lines.map((l) => l.event)).toEqual(['engine-started', 'job-started', 'job-done', 'call-failed:runs.get'])
    expect(lines[1].jobId).toBe(started.value.jobId)
    expect(lines[3]).toMatchObject({ level: 'warn', code: 'unreadable-run' })
    for (const secret of ['3.14159', '2.71828', '1.61803', '0.57721', '4.6692', '0.123456', '0.04115']) expect(text).not.toContain(secret)

    const diag = await service.call('diagnostics.get', {})
    if (!diag.ok) throw new Error(english(diag.error.message))
    const d = diag.value.text
    expect(d).toContain(`node: ${process.versions.node}`)
    expect(d).toContain(`v8: ${process.versions.v8}`)
    expect(d).toMatch(/tfjs-core: \d+\.\d+\.\d+/)
    expect(d).toContain('backend: cpu')
    expect(d).toMatch(/backends available: .*cpu/)
    expect(d).toContain(`platform: ${process.platform}`)
    expect(d).toMatch(/cpus: \d+/)
    expect(d).toMatch(/memory: \d+ MiB total/)
    expect(d).toContain('mode: in-process')
    expect(d).toContain(`workspace: ${ws}`)
    expect(d).toMatch(/app version: \d+\.\d+\.\d+/)
    expect(d).toMatch(/last 20 warnings and errors:\n\{.*"event":"call-failed:runs.get".*\}\n$/)
    for (const secret of ['3.14159', '98765']) expect(d).not.toContain(secret)
  })
})
