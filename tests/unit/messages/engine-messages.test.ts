// Engine texts reach the UI in Japanese: real errors, run notes, settings notices and job failures, all
// Messages produced by the real code paths and rendered at the edge, come out in Japanese with their
// numbers and ids kept, and unchanged in English. Plus a source check: no EngineError or run note in the engine's
// jobs, training, flows, solvers, models, data, analysis, runs, studies, settings or host/server
// glue is written as a literal (it would bypass the catalogue and stay English).
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { english, message, renderMessage, type Message } from '../../../shared/messages'
import { legacyText } from '../../../shared/messages/legacy'
import { resolveDistribution } from '../../../shared/experiment'
import type { JobEvent } from '../../../shared/contract'
import { initBackend } from '../../../electron/engine/backend'
import { BlowUpError, CancelledError, EngineError } from '../../../electron/engine/errors'
import { buildFlow } from '../../../electron/engine/flows/build-flow'
import { RunStore } from '../../../electron/engine/runs/store'
import { trashRun } from '../../../electron/engine/runs/trash'
import { SettingsStore } from '../../../electron/engine/settings/store'
import { checkSweep } from '../../../electron/engine/studies/sweep'
import { StudyStore } from '../../../electron/engine/studies/store'
import { JobManager } from '../../../electron/engine/jobs/manager'
import { checkpointDir, CHECKPOINT_FILE, readCheckpoint } from '../../../electron/engine/checkpoints/store'
import { depthMetrics } from '../../../electron/engine/metrics/depth-metrics'
import { computeDistance } from '../../../electron/engine/metrics/distances'
import { createProcessEngineService, type SpawnEngine } from '../../../electron/host/supervisor'
import { specOf } from '../engine/flows/helpers'
import { testRng } from '../engine/metrics/test-rng'

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/

/**
 * `m` (a Message, or a legacy English text as 0.1.0 folders hold) is shown in Japanese, keeps `keep`,
 * and reads the same English.
 */
function expectJapanese(m: Message | string, keep: (string | number)[] = []): string {
  const text = typeof m === 'string' ? m : english(m)
  const ja = typeof m === 'string' ? legacyText(m, 'ja') : renderMessage(m, 'ja')
  expect(typeof m === 'string' ? legacyText(m, 'en') : renderMessage(m, 'en')).toBe(text)
  expect(ja, text).not.toBe(text)
  expect(ja, text).toMatch(JAPANESE)
  for (const k of keep) expect(ja, `${ja} keeps ${k}`).toContain(String(k))
  return ja
}

async function thrown(f: () => unknown): Promise<EngineError> {
  try {
    await f()
  } catch (e) {
    if (e instanceof EngineError) return e
    throw e
  }
  throw new Error('expected an EngineError')
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-messages-'))
  await initBackend('cpu')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('engine texts from real code paths, in Japanese', () => {
  it('a run whose run.json is not JSON: the error names the run in Japanese', async () => {
    const store = new RunStore(join(dir, 'ws1'))
    await mkdir(join(store.root, 'run-42'), { recursive: true })
    await writeFile(join(store.root, 'run-42', 'run.json'), '{ not json')
    const e = await thrown(() => store.get('run-42'))
    expect(e.code).toBe('unreadable-run')
    expect(e.message).toMatch(/^run run-42 cannot be read: run\.json is not valid JSON: /)
    const ja = expectJapanese(e.msg, ['run-42', 'run.json'])
    // the nested problem is translated too, not only the outer sentence
    expect(ja).toContain('run.json は正しい JSON ではありません')
    // the history lists it as unreadable, with the same problem
    const listed = (await store.list()).find((r) => r.id === 'run-42')
    expect(listed?.status).toBe('unreadable')
    expectJapanese(listed!.problem!, ['run.json'])
  })

  it('a missing run, and trashing one that is not there', async () => {
    const store = new RunStore(join(dir, 'ws2'))
    expectJapanese((await thrown(() => store.get('nope-7'))).msg, ['nope-7'])
    await mkdir(store.root, { recursive: true })
    expectJapanese((await thrown(() => trashRun(store.root, 'gone-3'))).msg, ['gone-3'])
  })

  it('an unreadable settings file: the notice says where it was kept, in Japanese', async () => {
    const userData = join(dir, 'user-data')
    await mkdir(userData, { recursive: true })
    await writeFile(join(userData, 'settings.json'), '{"language": ')
    const state = await new SettingsStore(userData).get()
    expect(english(state.notice!)).toMatch(/^Your settings file could not be used because it is not valid JSON\. It was kept as /)
    const kept = (await readdir(userData)).find((f) => f.startsWith('settings.json.unreadable-'))!
    const ja = expectJapanese(state.notice!, [kept])
    expect(ja).toContain('正しい JSON ではなかった')
  })

  it('a study folder that is not a study', async () => {
    const studies = new StudyStore(join(dir, 'ws3'))
    await mkdir(join(studies.root, 'study-9'), { recursive: true })
    await writeFile(join(studies.root, 'study-9', 'study.json'), '[]')
    expectJapanese((await thrown(() => studies.get('study-9'))).msg, ['study-9', 'study.json'])
  })

  it('the composed DAE on a mixture records the component-wise note', () => {
    const spec = specOf({ flow: { kind: 'composed-dae', layers: 3 } })
    const flow = buildFlow(spec, resolveDistribution(spec.distribution))
    if (flow.type === 'map') flow.map.dispose()
    expect(flow.notes).toHaveLength(1)
    expect(flow.notes[0].key).toBe('engine.noteComponentwise')
    expect(english(flow.notes[0])).toMatch(/^Composed DAE on a mixture/)
    const ja = expectJapanese(flow.notes[0], ['N(m_k, S_k)'])
    expect(ja).toContain('成分ごとの近似')
  })

  it('a depth past the singular time: message and field error, with t*', () => {
    const spec = specOf({ distribution: { kind: 'preset', name: 'paper-47' } })
    const e = (() => {
      try {
        buildFlow({ ...spec, integration: { ...spec.integration, depth: 0.5 } }, resolveDistribution(spec.distribution))
      } catch (err) {
        return err as EngineError
      }
      throw new Error('expected a refusal')
    })()
    expectJapanese(e.msg, ['0.5', '0.500000'])
    expectJapanese(e.fields![0].message, ['0.500000'])
  })

  it('depth metrics notes: entropy, sliced W2, speed, kinetic energy and merging', async () => {
    const n = 40
    const traj = new Float32Array(3 * n * 2)
    const r = testRng(3)
    for (let i = 0; i < n * 2; i++) traj[i] = r.normal()
    for (let s = 1; s < 3; s++) for (let i = 0; i < n * 2; i++) traj[s * n * 2 + i] = traj[i] * (1 - 0.2 * s)
    const { notes } = await depthMetrics(traj, [3, n, 2], [0, 0.1, 0.2], { rng: testRng(1) })
    expect(notes.length).toBeGreaterThanOrEqual(4)
    for (const note of notes) expectJapanese(note)
    const merging = notes.find((m) => m.key === 'engine.noteMerging')!
    // the default 20,000 pairs: whole numbers of five digits or more are grouped, in both languages
    const pairs = /^Merging: ([\d,]+) seeded/.exec(english(merging))![1]
    expect(pairs).toBe('20,000')
    expectJapanese(merging, [pairs])
  })

  it('a damaged checkpoint: the note that training started from scratch carries the reason in Japanese', async () => {
    const ws = join(dir, 'ws4')
    await mkdir(checkpointDir(ws, 'k1'), { recursive: true })
    await writeFile(join(checkpointDir(ws, 'k1'), CHECKPOINT_FILE), '{"format": "something else"}')
    const saved = await readCheckpoint(ws, 'k1')
    expect(saved.kind).toBe('unusable')
    const note = message('engine.noteCheckpointUnreadable', { reason: (saved as { reason: string }).reason })
    const ja = expectJapanese(note)
    expect(ja).toContain('このバージョンの Nagare の学習チェックポイントではありません')
  })

  it('a sweep the flow cannot make: field-prefixed message and the field error', async () => {
    const spec = specOf({ flow: { kind: 'shallow-dae' } })
    const e = await thrown(() => checkSweep(spec, { parameter: 'layers', values: [1, 2] }))
    expect(e.message.startsWith('flow.kind: ')).toBe(true)
    expectJapanese(e.msg, ['flow.kind'])
    expectJapanese(e.fields![0].message)
  })

  it('a distance option out of range names the CLI flag and the value', async () => {
    const cloud = { data: Float64Array.from([0, 1, 2, 3]), n: 4, d: 1 }
    const e = await thrown(() => computeDistance('sliced-w2', cloud, cloud, { directions: 0 }))
    expectJapanese(e.msg, ['--directions', '0'])
  })

  it('a failed job and a cancelled one: the messages the UI receives', async () => {
    const jobs = new JobManager()
    const events: JobEvent[] = []
    jobs.onEvent((e) => events.push(e))
    jobs.submit('blows up', () => Promise.reject(new BlowUpError(0.25, message('engine.positionsNonFinite'))))
    await jobs.idle()
    const failed = events.find((e) => e.type === 'failed')
    expect(failed?.type === 'failed' && failed.error.code).toBe('blow-up')
    const m = failed?.type === 'failed' ? failed.error.message : message('validation.invalid')
    expect(english(m)).toBe('integration blew up at depth 0.250000: positions became NaN or infinite')
    expect(renderMessage(m, 'ja')).toBe('深さ 0.250000 で積分が発散しました: 位置が NaN または無限大になりました')
    expectJapanese(new CancelledError().msg)
    await jobs.dispose()
  })

  it('an engine process that dies: the running job fails with a Japanese engine-crashed message', async () => {
    const spawn: SpawnEngine = (handlers) => ({
      send: (m) => {
        const { id } = m as { id: number }
        handlers.message({ id, result: { ok: true, value: { jobId: 'job-1' } } })
        setTimeout(() => handlers.exit(message('engine.exitCodeWhy', { code: 3, detail: 'out of memory' })), 5)
      },
      kill: () => undefined
    })
    const service = createProcessEngineService(spawn, { disposeTimeoutMs: 500 })
    const failed = new Promise<JobEvent>((res) => service.onEvent((e) => e.type === 'failed' && res(e)))
    await service.call('runs.start', { spec: {} } as never)
    const e = await failed
    const m = e.type === 'failed' ? e.error.message : message('validation.invalid')
    expect(english(m)).toBe('The compute engine stopped unexpectedly (exit code 3: out of memory). It will be restarted on the next request.')
    expect(renderMessage(m, 'ja')).toBe('計算エンジンが予期せず停止しました（終了コード 3: out of memory）。次の要求で再起動されます。')
    await service.dispose()
  })
})

// ---- source check -------------------------------------------------------------------------------

const ROOT = join(__dirname, '../../..')
const OWNED_DIRS = [
  'electron/engine/jobs',
  'electron/engine/flows',
  'electron/engine/solvers',
  'electron/engine/models',
  'electron/engine/sampling',
  'electron/engine/inputs',
  'electron/engine/metrics',
  'electron/engine/checkpoints',
  'electron/engine/runs',
  'electron/engine/studies',
  'electron/engine/settings',
  'electron/engine/logs',
  'electron/host',
  'electron/server'
]
const OWNED_FILES = [
  'electron/engine/service.ts',
  'electron/engine/handlers/run-admin.ts',
  'electron/engine/handlers/settings.ts',
  'electron/engine/handlers/studies.ts',
  ...['train-step', 'objective', 'epochs', 'resume', 'reintegrate', 'tasks/common', 'tasks/transport', 'tasks/dae'].map(
    (f) => `electron/engine/training/${f}.ts`
  )
]

async function tsFiles(d: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(d, { withFileTypes: true })) {
    const p = join(d, e.name)
    if (e.isDirectory()) out.push(...(await tsFiles(p)))
    else if (e.name.endsWith('.ts')) out.push(p)
  }
  return out
}

/** `new EngineError(code, '...' | `...`)` and `notes.push('...' | `...`)`: texts that bypass the catalogue */
function literalMessages(source: string): string[] {
  const engineError = /new EngineError\(\s*(?:'[^']*'|[\w.]+)\s*,\s*['"`]/g
  const notePush = /\bnotes\.push\(\s*['"`]/g
  return [...(source.match(engineError) ?? []), ...(source.match(notePush) ?? [])]
}

describe('engine sources write their texts through the catalogue', () => {
  it('the check finds what it looks for', () => {
    expect(literalMessages("throw new EngineError('busy', `${n} jobs`)")).toHaveLength(1)
    expect(literalMessages("new EngineError(code, 'no run')")).toHaveLength(1)
    expect(literalMessages('notes.push(`k = ${k}`)')).toHaveLength(1)
    expect(literalMessages("throw new EngineError('busy', message('engine.queueFull', { count }))")).toEqual([])
    expect(literalMessages("notes.push(say('engine.noteSpeed'))")).toEqual([])
  })

  it('has no literal EngineError message or run note in the engine, host and server files it covers', async () => {
    const files = [...(await Promise.all(OWNED_DIRS.map((d) => tsFiles(join(ROOT, d))))).flat(), ...OWNED_FILES.map((f) => join(ROOT, f))]
    expect(files.length).toBeGreaterThan(80)
    const found: string[] = []
    for (const f of files) for (const hit of literalMessages(await readFile(f, 'utf8'))) found.push(`${relative(ROOT, f)}: ${hit}`)
    expect(found).toEqual([])
  })
})
