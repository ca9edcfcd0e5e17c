// Property tests: arbitrary values and damaged specs through parseSpec (never throws; ok re-validates,
// errors name a field), and small valid specs through runExperiment (a run or an EngineError with a known code).
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../../shared/contract'
import { parseSpec } from '../../../shared/experiment'
import { initBackend, tf } from '../../../electron/engine/backend'
import { EngineError } from '../../../electron/engine/errors'
import { createJobContext } from '../../../electron/engine/jobs/context'
import { runExperiment } from '../../../electron/engine/jobs/runner'
import { smallSpec } from './small-spec'
import { english, isMessageValue } from '../../../shared/messages'

const SEED = 20261127

function checkParse(value: unknown): void {
  const r = parseSpec(value)
  if (r.ok) {
    // the normalised spec (defaults filled in) is itself valid and normalises to itself
    const json: unknown = JSON.parse(JSON.stringify(r.spec)) // as it is stored in run.json (-0 becomes 0)
    const again = parseSpec(json)
    expect(again.ok, JSON.stringify(again)).toBe(true)
    if (again.ok) expect(again.spec).toEqual(json)
    return
  }
  expect(r.errors.length).toBeGreaterThan(0)
  for (const e of r.errors) {
    expect(typeof e.field).toBe('string')
    expect(e.field.length).toBeGreaterThan(0)
    expect(isMessageValue(e.message)).toBe(true)
    expect(english(e.message).trim().length).toBeGreaterThan(0)
  }
}

const BASE: Record<string, unknown>[] = [
  {
    version: 1,
    name: 'g',
    distribution: {
      kind: 'gaussian',
      mean: [0, 0],
      covariance: [
        [1, 0.2],
        [0.2, 0.5]
      ]
    },
    particles: { kind: 'sample', count: 10 },
    flow: { kind: 'continuous-dae' },
    integration: { solver: 'rk4', depth: 0.1, stepSize: 0.05, samples: 3 }
  },
  {
    version: 1,
    name: 'm',
    seed: 2,
    distribution: { kind: 'gmm', weights: [0.5, 0.5], means: [[0], [1]], covariances: [[[1]], [[0.5]]] },
    particles: { kind: 'grid', counts: 4, bounds: [[-1, 1]] },
    flow: { kind: 'composed-dae', layers: 2 },
    integration: { solver: 'dopri5', depth: 0.1, samples: 2 }
  },
  {
    version: 1,
    name: 'e',
    distribution: { kind: 'preset', name: 'swiss-roll-2d' },
    particles: {
      kind: 'points',
      points: [
        [0, 0],
        [1, 1],
        [2, 0]
      ]
    },
    flow: { kind: 'empirical-dae', bandwidth: 0.5, referenceSize: 2 },
    integration: { solver: 'euler', depth: 0.1, stepSize: 0.1, samples: 2 }
  }
]

/** Every path to a value inside a JSON tree. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix]
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])))
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]))
  return out
}

const weird = fc.oneof(
  fc.constantFrom<unknown>(
    NaN,
    Infinity,
    -Infinity,
    -1,
    0,
    -0,
    1e308,
    2 ** 31,
    0.5,
    '',
    '1',
    null,
    undefined,
    true,
    [],
    {},
    [[]],
    [NaN],
    [
      [1, 2],
      [2, 1]
    ],
    [
      [1, 0],
      [0, -1]
    ],
    [
      [1, 2],
      [3, 4]
    ],
    [0, 0, 0, 0]
  ),
  fc.constant(JSON.parse('{"__proto__": {"polluted": 1}}') as unknown),
  fc.constant(Array.from({ length: 2000 }, () => [0, 0])),
  fc.constant(Array.from({ length: 70 }, () => 1 / 70)),
  fc.jsonValue({ maxDepth: 2 }),
  fc.double()
)

type Edit = { kind: 'set'; at: number; value: unknown } | { kind: 'delete'; at: number } | { kind: 'extra'; at: number; key: string }
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: weird }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('extra' as const), at: fc.nat(), key: fc.constantFrom('__proto__', 'constructor', 'extra', 'kind', 'toString') })
)

function mutate(base: Record<string, unknown>, edits: Edit[]): unknown {
  const root = structuredClone(base) as Record<string, unknown>
  for (const e of edits) {
    const all = paths(root).filter((p) => p.length > 0)
    if (all.length === 0) break
    const path = all[e.at % all.length]
    let parent = root as Record<string | number, unknown>
    for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>
    const last = path[path.length - 1]
    if (e.kind === 'set') parent[last] = structuredClone(e.value)
    else if (e.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1)
      else delete parent[last]
    } else {
      const target = parent[last]
      if (target && typeof target === 'object' && !Array.isArray(target))
        Object.defineProperty(target, e.key, { value: 1, enumerable: true, configurable: true, writable: true })
    }
  }
  return root
}

describe('experiment specs under bad input', () => {
  it('arbitrary values never make parseSpec throw', () => {
    fc.assert(fc.property(fc.anything({ maxDepth: 3, withBoxedValues: true, withNullPrototype: true, withMap: true, withSparseArray: true }), checkParse), {
      seed: SEED,
      numRuns: 300
    })
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), checkParse), { seed: SEED, numRuns: 300 })
  })

  it('the base specs are valid (the mutations start from valid documents)', () => {
    for (const b of BASE) expect(parseSpec(b).ok, JSON.stringify(parseSpec(b))).toBe(true)
  })

  it('mutated valid specs (wrong types, NaN/Infinity, __proto__ and extra keys, huge arrays, non-PD matrices) parse or name the field', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 3 }), (which, edits) => {
        checkParse(mutate(BASE[which % BASE.length], edits))
      }),
      { seed: SEED, numRuns: 600 }
    )
  })

  it('non-finite numbers are refused wherever a number goes, naming that field', () => {
    for (const [field, patch] of [
      ['integration.depth', { integration: { solver: 'rk4', depth: NaN, stepSize: 0.05, samples: 3 } }],
      ['integration.stepSize', { integration: { solver: 'rk4', depth: 0.1, stepSize: Infinity, samples: 3 } }],
      [
        'distribution.mean.1',
        {
          distribution: {
            kind: 'gaussian',
            mean: [0, -Infinity],
            covariance: [
              [1, 0],
              [0, 1]
            ]
          }
        }
      ]
    ] as const) {
      const r = parseSpec({ ...BASE[0], ...patch })
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.errors.map((e) => e.field)).toContain(field)
    }
  })

  it('empty vectors and non-object roots are refused with field errors, not a TypeError (regression)', () => {
    for (const value of [
      [],
      { ...BASE[0], distribution: { kind: 'gaussian', mean: [], covariance: [] } },
      { ...BASE[1], distribution: { kind: 'gmm', weights: [], means: [], covariances: [] } },
      { ...BASE[0], particles: { kind: 'points', points: [] } }
    ]) {
      const r = parseSpec(value)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.errors.length).toBeGreaterThan(0)
    }
    // an error elsewhere (the name) still reports the cross-field problem with the distribution
    const r = parseSpec({ ...BASE[0], name: '', distribution: { kind: 'gaussian', mean: [0, 0], covariance: [[1, 0]] } })
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['name', 'distribution.covariance'])
  })

  it('a __proto__ key is refused as an unknown key, and pollutes nothing', () => {
    const r = parseSpec({ ...BASE[0], ...(JSON.parse('{"__proto__": {"polluted": 1}}') as object) })
    expect(r.ok).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('small valid specs run end to end', () => {
  let backend: string
  let baseline: number
  beforeAll(async () => {
    backend = await initBackend()
    baseline = tf.memory().numTensors
  })

  it('every generated small spec is valid and produces trajectories [samples, N, D] or an EngineError with a known code', async () => {
    let completed = 0
    await fc.assert(
      fc.asyncProperty(smallSpec, async (spec) => {
        const parsed = parseSpec(spec)
        expect(parsed.ok, JSON.stringify(parsed)).toBe(true)
        try {
          const run = await runExperiment(spec, { ctx: createJobContext(new AbortController().signal), backend })
          const m = run.manifest
          expect(run.trajectories.length).toBe(m.depths.length * m.particleCount * m.dimension)
          expect(m.depths).toHaveLength((spec.integration as { samples: number }).samples)
          expect(m.metrics).toHaveLength(m.depths.length)
          completed++
        } catch (e) {
          expect(e, String(e)).toBeInstanceOf(EngineError)
          expect(ERROR_CODES).toContain((e as EngineError).code)
        }
        expect(tf.memory().numTensors).toBe(baseline)
      }),
      { seed: SEED, numRuns: 30 }
    )
    // the generator stays inside the documented limits, so the runs themselves should succeed
    expect(completed).toBe(30)
  })

  it('mutated specs sent to runExperiment end in invalid-spec with field errors, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 2 }), async (which, edits) => {
        const spec = mutate(BASE[which % BASE.length], edits)
        if (parseSpec(spec).ok) return // still valid: the run itself is covered above with bounded sizes
        const err = await runExperiment(spec, { ctx: createJobContext(new AbortController().signal), backend }).then(
          () => undefined,
          (e: unknown) => e
        )
        expect(err).toBeInstanceOf(EngineError)
        expect((err as EngineError).code).toBe('invalid-spec')
        expect((err as EngineError).fields?.length).toBeGreaterThan(0)
      }),
      { seed: SEED, numRuns: 100 }
    )
  })
})
