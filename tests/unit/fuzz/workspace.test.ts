// Property test: a run that fails part-way (a numerical blow-up, a cancel at a random point, a write that
// fails on a random file) leaves the workspace's runs folder exactly as it was: no partial folder, no new run.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { distributionDimension, parseSpec, resolveDistribution } from '../../../shared/experiment'
import { initBackend, tf } from '../../../electron/engine/backend'
import { CancelledError, EngineError } from '../../../electron/engine/errors'
import type { Flow } from '../../../electron/engine/flows/types'
import { createJobContext } from '../../../electron/engine/jobs/context'
import { runExperiment } from '../../../electron/engine/jobs/runner'
import { RunStore } from '../../../electron/engine/runs/store'
import { smallSpec } from './small-spec'
import { message } from '../../../shared/messages'

const SEED = 20261127

/** Every file and folder under `dir`, with file sizes, sorted: the state a failed run must not change. */
async function listing(dir: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (d: string, rel: string): Promise<void> => {
    let names: string[]
    try {
      names = await readdir(d)
    } catch {
      return
    }
    for (const name of names) {
      const s = await stat(join(d, name))
      out.push(`${rel}${name}${s.isDirectory() ? '/' : ` ${s.size}`}`)
      if (s.isDirectory()) await walk(join(d, name), `${rel}${name}/`)
    }
  }
  await walk(dir, '')
  return out.sort()
}

/** A flow whose velocity is astronomically large: float32 overflows within a couple of steps. */
const explodingFlow = (dim: number): Flow => ({
  type: 'field',
  notes: [],
  field: { dim, referenceRows: 0, velocity: (x) => tf.mul(tf.add(tf.abs(x), 1), 1e30), dispose: () => {} }
})

const failure = fc.oneof(
  fc.record({ mode: fc.constant('blow-up' as const) }),
  fc.record({ mode: fc.constant('cancel' as const), afterProgress: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ mode: fc.constant('write' as const), onFile: fc.integer({ min: 0, max: 3 }) })
)

let backend: string
let baseline: number
let ws: string
let store: RunStore
beforeAll(async () => {
  backend = await initBackend()
  baseline = tf.memory().numTensors
  ws = await mkdtemp(join(tmpdir(), 'nagare-fuzz-ws-'))
  store = new RunStore(ws)
})
afterAll(async () => {
  await rm(ws, { recursive: true, force: true })
})

describe('a failing run leaves the workspace unchanged', () => {
  it('blow-up, cancel at a random point, or a failed write: the runs folder listing is unchanged', async () => {
    // an existing complete run, so "unchanged" covers a non-empty folder too
    const first = fc.sample(smallSpec, { seed: SEED, numRuns: 1 })[0]
    await store.save(await runExperiment(first, { ctx: createJobContext(new AbortController().signal), backend }))
    expect((await store.list()).length).toBe(1)
    const failedModes = new Set<string>()

    await fc.assert(
      fc.asyncProperty(smallSpec, failure, async (spec, f) => {
        const parsed = parseSpec(spec)
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
        const before = await listing(ws)
        const ac = new AbortController()
        let progressCalls = 0
        const ctx = createJobContext(ac.signal, () => {
          if (f.mode === 'cancel' && progressCalls++ === f.afterProgress) ac.abort()
        })
        const dim = distributionDimension(resolveDistribution(parsed.spec.distribution))
        let file = 0
        const task = async (): Promise<string> => {
          const content = await runExperiment(spec, { ctx, backend, ...(f.mode === 'blow-up' ? { deps: { buildFlow: () => explodingFlow(dim) } } : {}) })
          return store.save(content, {
            beforeFile: async () => {
              await ctx.checkpoint() // what the job manager does: a cancel stops the write too
              if (f.mode === 'write' && file++ === f.onFile) throw new EngineError('io', message('harden.diskFull'))
            }
          })
        }
        const outcome = await task().then(
          (id) => ({ ok: true as const, id }),
          (e: unknown) => ({ ok: false as const, e })
        )
        const after = await listing(ws)
        if (outcome.ok) {
          // the failure point came after the run had finished (few progress events, few files): one new run, nothing else
          expect(f.mode).not.toBe('blow-up')
          const added = after.filter((p) => !before.includes(p))
          expect(added.every((p) => p.startsWith(`runs/${outcome.id}/`) || p === `runs/${outcome.id}/`)).toBe(true)
          expect(before.every((p) => after.includes(p))).toBe(true)
          await rm(join(ws, 'runs', outcome.id), { recursive: true })
        } else {
          failedModes.add(f.mode)
          expect(outcome.e).toBeInstanceOf(EngineError)
          const code = (outcome.e as EngineError).code
          // dopri5 meets the exploding field by shrinking its step until the step budget runs out
          expect(f.mode === 'blow-up' ? ['blow-up', 'budget'] : [f.mode === 'cancel' ? 'cancelled' : 'io']).toContain(code)
          if (f.mode === 'cancel') expect(outcome.e).toBeInstanceOf(CancelledError)
          expect(after).toEqual(before)
        }
        expect(tf.memory().numTensors).toBe(baseline)
      }),
      { seed: SEED, numRuns: 24 }
    )
    // every failure kind was actually exercised
    expect([...failedModes].sort()).toEqual(['blow-up', 'cancel', 'write'])
  })
})
