// The step-grid rule at validation: a fixed-step spec whose step size does not divide its depth is
// refused naming integration.stepSize (with a step size that does divide it), flows that are maps are not
// concerned, studies refuse such step sizes in their sweep, and the near-singular depth gets a run note.
import { describe, expect, it } from 'vitest'
import { english, message, type Message } from '../../../../shared/messages'
import { parseSpec, resolveDistribution, type ExperimentSpec } from '../../../../shared/experiment'
import { nearSingular, NEAR_SINGULAR_FRACTION, stepGridErrors, suggestStepSize, wholeSteps } from '../../../../shared/step-grid'
import { buildFlow } from '../../../../electron/engine/flows/build-flow'
import { checkSweep } from '../../../../electron/engine/studies/sweep'
import { EngineError } from '../../../../electron/engine/errors'

const base = {
  version: 1,
  name: 'grid',
  distribution: { kind: 'preset', name: 'normal-1d' },
  particles: { kind: 'sample', count: 10 },
  flow: { kind: 'continuous-dae' },
  integration: { solver: 'euler', depth: 0.4, stepSize: 0.01, samples: 46 }
}
const withStep = (stepSize: number, flow: object = base.flow) => ({ ...base, flow, integration: { ...base.integration, stepSize } })

describe('step grid at validation', () => {
  it('accepts T/h whole up to rounding and refuses 0.4 / 0.03, naming integration.stepSize', () => {
    expect(parseSpec(withStep(0.01)).ok).toBe(true)
    expect(parseSpec(withStep(0.4 / 3)).ok).toBe(true)
    const r = parseSpec(withStep(0.03))
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors.map((e) => e.field)).toEqual(['integration.stepSize'])
      expect(r.errors[0].message).toMatchObject({ key: 'steps.notWhole', params: { depth: 0.4, stepSize: 0.03, steps: 13.333, suggestion: 0.025 } })
    }
  })

  it('suggests a step size no larger than asked that divides the depth', () => {
    for (const [T, h] of [
      [0.4, 0.03],
      [0.45, 0.007],
      [1, 0.3],
      [0.123456, 0.05]
    ]) {
      const s = suggestStepSize(T, h)
      expect(s).toBeLessThanOrEqual(h)
      expect(Number.isNaN(wholeSteps(T, s))).toBe(false)
    }
  })

  it('leaves maps (shallow and composed DAE) and dopri5 alone', () => {
    expect(stepGridErrors({ flow: { kind: 'shallow-dae' }, integration: { solver: 'rk4', depth: 0.4, stepSize: 0.03 } })).toEqual([])
    expect(parseSpec(withStep(0.03, { kind: 'composed-dae', layers: 4 })).ok).toBe(true)
    expect(stepGridErrors({ flow: { kind: 'continuous-dae' }, integration: { solver: 'dopri5', depth: 0.4 } })).toEqual([])
  })

  it('a step-size study refuses a sweep value that does not divide the depth', () => {
    const spec = (parseSpec(base) as { ok: true; spec: ExperimentSpec }).spec
    expect(() => checkSweep(spec, { parameter: 'stepSize', values: [0.1, 0.05] })).not.toThrow()
    let err: unknown
    try {
      checkSweep(spec, { parameter: 'stepSize', values: [0.1, 0.03] })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(EngineError)
    expect((err as EngineError).fields?.[0].field).toBe('sweep.values')
  })
})

describe('near the singular time', () => {
  it(`warns past ${NEAR_SINGULAR_FRACTION} t* and not before`, () => {
    // N(0, 1): t* = 0.5
    expect(nearSingular(0.45, 0.5)).toBe(false)
    expect(nearSingular(0.46, 0.5)).toBe(true)
    expect(nearSingular(0.5, 0.5)).toBe(false)
    expect(nearSingular(0.3, null)).toBe(false)
  })

  it('the continuous DAE run carries the note at 0.48 of t* = 0.5, none at 0.4', () => {
    const notes = (depth: number): Message[] => {
      const spec = (parseSpec({ ...base, integration: { ...base.integration, depth, stepSize: 0.01 } }) as { ok: true; spec: ExperimentSpec }).spec
      const flow = buildFlow(spec, resolveDistribution(spec.distribution))
      if (flow.type === 'field') flow.field.dispose()
      return flow.notes
    }
    expect(notes(0.4)).toEqual([])
    expect(notes(0.48)).toHaveLength(1)
    expect(notes(0.48)[0]).toEqual(message('steps.nearSingular', { depth: 0.48, percent: 96, tStar: 0.5 }))
    expect(english(notes(0.48)[0])).toContain('96%')
  })
})
