// The spec validator's field errors are Messages from the shared catalogue: bad specs provoke every
// spec.* message, each renders in Japanese with no English sentence left in it, the English stays what it
// was, and experiment.ts writes no message as a bare literal any more.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseSpec } from '../../../shared/experiment'
import { parseRequest } from '../../../shared/contract'
import { english, isMessageValue, message, renderMessage, type Message } from '../../../shared/messages'
import { SPEC_MESSAGES } from '../../../shared/messages/catalog-spec'

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/

const I2 = [
  [1, 0],
  [0, 1]
]
const base = {
  version: 1,
  name: 'bad',
  seed: 1,
  distribution: { kind: 'preset', name: 'paper-47' },
  particles: { kind: 'sample', count: 2000 },
  flow: { kind: 'continuous-dae' },
  integration: { solver: 'rk4', depth: 0.45, stepSize: 0.005, samples: 46 }
}
const gmm = (weights: number[], means: number[][], covariances: number[][][]) => ({ ...base, distribution: { kind: 'gmm', weights, means, covariances } })
const trained = {
  ...base,
  distribution: { kind: 'preset', name: 'normal-1d' },
  particles: { kind: 'sample', count: 100 },
  integration: { solver: 'euler', depth: 0.5, stepSize: 0.5, samples: 3 }
}
const dae = (extra: object) => ({ ...trained, flow: { kind: 'trained-dae', t: 0.5, ...extra } })
const moons = {
  ...trained,
  distribution: { kind: 'preset', name: 'paper-44' },
  flow: { kind: 'neural-ode', task: 'classify', data: { kind: 'builtin', name: 'moons' } },
  integration: { solver: 'rk4', depth: 1, stepSize: 0.1, samples: 3 }
}
const classify = (extra: object) => ({ ...moons, flow: { ...moons.flow, ...extra } })
const ode = (task: string, extra: object = {}) => ({
  ...trained,
  distribution: { kind: 'preset', name: 'paper-44' },
  flow: { kind: 'neural-ode', task, ...extra }
})

const BAD_SPECS: unknown[] = [
  gmm(
    [0.5, 0.6],
    [
      [0, 0],
      [1, 0]
    ],
    [I2, I2]
  ),
  gmm([0.5, 0.5], [[0, 0]], [I2, I2]),
  gmm([0.5, 0.5], [[0, 0], [0]], [I2, I2]),
  { ...base, distribution: { kind: 'gaussian', mean: [0, 0], covariance: [[1]] } },
  gmm(
    [1],
    [[0, 0]],
    [
      [
        [1, 0.5],
        [0, 1]
      ]
    ]
  ),
  gmm(
    [1],
    [[0, 0]],
    [
      [
        [1, 2],
        [2, 1]
      ]
    ]
  ),
  { ...base, particles: { kind: 'points', points: [[0, 0, 0]] } },
  { ...base, particles: { kind: 'grid', counts: [3, 3, 3], bounds: [[1, 0]] } },
  { ...base, distribution: { kind: 'preset', name: 'swiss-roll-2d' }, flow: { kind: 'shallow-dae' } },
  { ...base, integration: { ...base.integration, depth: 0.6 } },
  { ...base, integration: { ...base.integration, stepSize: 0.5 } },
  { ...base, integration: { ...base.integration, stepSize: 1e-7 } },
  { ...base, integration: { solver: 'dopri5', depth: 0.45, samples: 46, minStep: 0.5 } },
  { ...base, flow: { kind: 'empirical-dae', bandwidth: 0.05, referenceSize: 5000 } },
  { ...base, particles: { kind: 'grid', counts: 2000 } },
  { ...base, particles: { kind: 'sample', count: 1_000_000 }, integration: { ...base.integration, samples: 1000 } },
  dae({ t: 0.4 }),
  dae({ model: { augment: 1 } }),
  dae({ training: { jacobian: 0.1 } }),
  dae({ training: { gradient: 'adjoint' } }),
  dae({ training: { batchSize: 5000 } }),
  classify({ training: { depth: 1, stepSize: 0.3 } }),
  classify({ training: { depth: 1, stepSize: 0.0005 } }),
  ode('transport', { training: { gradient: 'adjoint' } }),
  classify({ data: undefined }),
  classify({ data: { kind: 'builtin', name: 'helix-pair' }, model: { augment: 1 } }),
  { ...moons, particles: { kind: 'grid', counts: 5 } },
  ode('transport', { data: { kind: 'builtin', name: 'moons' } }),
  ode('density', { model: { augment: 2 } })
]

const fieldMessages: Message[] = BAD_SPECS.flatMap((s) => {
  const r = parseSpec(s)
  return r.ok ? [] : r.errors.map((e) => e.message)
})

/** three or more Latin words in a row: an English sentence (or its rest) inside a Japanese text */
const ENGLISH_RUN = /\b[A-Za-z]{2,}(?:\s+[A-Za-z]{2,}){2,}\b/

const REQUEST_KEYS = new Set(['spec.unknownMethod', 'spec.badPayload'])

describe('spec field errors in Japanese', () => {
  it('every bad spec is refused, and every spec validation message is provoked', () => {
    for (const s of BAD_SPECS) expect(parseSpec(s).ok, JSON.stringify(s)).toBe(false)
    const provoked = new Set<string>(fieldMessages.map((m) => m.key))
    const missing = Object.keys(SPEC_MESSAGES).filter((k) => !REQUEST_KEYS.has(k) && !provoked.has(k))
    expect(missing).toEqual([])
  })

  it('every field error is a Message that renders in Japanese with no English sentence', () => {
    expect(fieldMessages.length).toBeGreaterThanOrEqual(30)
    for (const m of fieldMessages) {
      const what = JSON.stringify(m)
      expect(isMessageValue(m), what).toBe(true)
      const ja = renderMessage(m, 'ja')
      expect(ja, what).not.toBe(english(m))
      expect(ja, what).toMatch(JAPANESE)
      expect(ja, what).not.toMatch(ENGLISH_RUN)
    }
    // the check itself finds an English sentence left in a Japanese text
    expect('深さ: must be at least 1').toMatch(ENGLISH_RUN)
    expect('深さ 0.6 は連続 DAE の特異時刻 t* = 0.500000 以上です').not.toMatch(ENGLISH_RUN)
  })

  it("zod's own issues (type, range, choice, unknown key) are Messages too, never zod's English", () => {
    const r = parseSpec({
      ...base,
      seed: 1.5,
      name: '',
      integration: { ...base.integration, solver: 'rk9' },
      extra: 1,
      particles: { kind: 'sample', count: -3 }
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    const keys = r.errors.map((e) => e.message.key)
    expect(keys).toEqual(expect.arrayContaining(['validation.integer', 'validation.unrecognizedKeys', 'validation.oneOf']))
    for (const e of r.errors) {
      expect(english(e.message), e.field).not.toMatch(/Invalid input|expected .* received|Too small|Too big/)
      expect(renderMessage(e.message, 'ja'), e.field).toMatch(JAPANESE)
      expect(renderMessage(e.message, 'ja'), e.field).not.toMatch(ENGLISH_RUN)
    }
  })

  it('keeps the English and the numbers as they were', () => {
    const r = parseSpec({ ...base, integration: { ...base.integration, depth: 0.6 } })
    // paper-47's smallest covariance eigenvalue is 1, so t* = 1/2
    expect(r.ok ? [] : r.errors).toEqual([{ field: 'integration.depth', message: message('spec.depthPastSingular', { depth: 0.6, tStar: '0.500000' }) }])
    const depth = r.ok ? message('validation.invalid') : r.errors[0].message
    expect(english(depth)).toBe('depth 0.6 is at or past the singular time t* = 0.500000 of the continuous DAE (min eigenvalue / 2)')
    expect(renderMessage(depth, 'ja')).toBe('深さ 0.6 は連続 DAE の特異時刻 t* = 0.500000（最小固有値 / 2）以上です')
    const w = parseSpec(
      gmm(
        [0.5, 0.8],
        [
          [0, 0],
          [1, 0]
        ],
        [I2, I2]
      )
    )
    // 0.5 + 0.8 in floating point is exactly 1.3; 0.1 + 0.2 would not be, and is shown rounded
    expect(w.ok ? [] : w.errors.map((e) => english(e.message))).toEqual(['weights must sum to 1 (they sum to 1.3)'])
    const f = parseSpec(
      gmm(
        [0.1, 0.2],
        [
          [0, 0],
          [1, 0]
        ],
        [I2, I2]
      )
    )
    expect(f.ok ? [] : f.errors.map((e) => e.message)).toEqual([message('spec.weightsSum', { sum: '0.3' })])
    expect(f.ok ? [] : f.errors.map((e) => renderMessage(e.message, 'ja'))).toEqual(['重みの合計を 1 にしてください（現在の合計は 0.3 です）'])
    const b = parseSpec(dae({ training: { batchSize: 5000 } }))
    expect(b.ok ? [] : b.errors).toEqual([{ field: 'flow.training.batchSize', message: message('spec.batchExceedsSamples', { batch: 5000, samples: 4096 }) }])
    expect(b.ok ? '' : english(b.errors[0].message)).toBe('batch size 5000 exceeds the 4096 training samples')
  })

  it('words the request errors of parseRequest as Messages', () => {
    const unknown = parseRequest('runs.explode', {})
    expect(unknown.ok).toBe(false)
    if (unknown.ok) return
    expect(unknown.error.message).toEqual(message('spec.unknownMethod', { method: '"runs.explode"' }))
    expect(english(unknown.error.message)).toBe('unknown method "runs.explode"')
    expect(renderMessage(unknown.error.message, 'ja')).toBe('不明なメソッド "runs.explode" です')
    const bad = parseRequest('runs.start', { spec: {}, extra: 1 })
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    // the payload's issue is a Message with its path, not zod's English
    expect(bad.error.message).toEqual(
      message('spec.badPayload', {
        method: 'runs.start',
        detail: message('errmsg.fieldIssue', { field: '(payload)', issue: message('validation.unrecognizedKeys', { keys: 'extra' }) })
      })
    )
    expect(english(bad.error.message)).toBe('bad payload for runs.start: field (payload): Unknown setting: extra.')
    expect(renderMessage(bad.error.message, 'ja')).toBe('runs.start の要求の内容が正しくありません: 項目 (payload): 不明な設定項目です: extra。')
  })
})

describe('shared/experiment.ts writes no literal field message', () => {
  const source = readFileSync(resolve(__dirname, '../../../shared/experiment.ts'), 'utf8')

  it('has no issue(path, literal) and no addIssue message literal', () => {
    const literalIssue = /\bissue\(\s*\[[^\]]*\]\s*,\s*['"`]/g
    const literalMessage = /\bmessage:\s*['"`]/g
    expect(source.match(literalIssue) ?? []).toEqual([])
    expect(source.match(literalMessage) ?? []).toEqual([])
    // the check itself finds what it looks for
    expect("issue(['a', 'b'], 'text')".match(literalIssue)).toHaveLength(1)
    expect('message: `x ${1}`'.match(literalMessage)).toHaveLength(1)
  })
})
