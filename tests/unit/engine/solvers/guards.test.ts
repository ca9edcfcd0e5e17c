// Solver guards: blow-up and NaN reported with the depth, the step budget, cancellation within one
// step, and tf.memory().numTensors back to its baseline on every path.
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { BlowUpError, CancelledError, EngineError } from '../../../../electron/engine/errors'
import { integrate } from '../../../../electron/engine/solvers/integrate'
import { CHECK_EVERY } from '../../../../electron/engine/solvers/fixed-step'
import type { SolverOptions } from '../../../../electron/engine/solvers/types'
import { cubicField, nanField, normalDaeField } from './fields'

beforeAll(async () => {
  await initBackend('wasm')
})

async function failure(run: () => Promise<unknown>): Promise<EngineError> {
  try {
    await run()
  } catch (e) {
    if (e instanceof EngineError) return e
    throw e
  }
  throw new Error('expected the integration to fail')
}

const adaptive = (maxSteps = 10_000): SolverOptions => ({ solver: 'dopri5', rtol: 1e-5, atol: 1e-7, minStep: 1e-9, maxSteps })

describe('integration guards', () => {
  it('a blow-up (v = x^3, x0 = 1, singular at t = 0.5) is reported with its depth', async () => {
    const x0 = tf.tensor2d([[1], [0.5]])
    const before = tf.memory().numTensors
    const h = 0.01
    const e = await failure(() => integrate(cubicField(), x0, [0, 0.25, 1], { solver: 'rk4', stepSize: h }))
    expect(e).toBeInstanceOf(BlowUpError)
    const depth = (e as BlowUpError).depth
    // detected within CHECK_EVERY steps of where it blows up, and never before t = 0.5
    expect(depth).toBeGreaterThanOrEqual(0.5)
    expect(depth).toBeLessThanOrEqual(0.5 + (CHECK_EVERY + 1) * h)
    expect(e.msg.key).toBe('engine.blowUp')
    expect(tf.memory().numTensors).toBe(before)
    x0.dispose()
  })

  it('NaN from the field is reported at the depth it appeared', async () => {
    const x0 = tf.tensor2d([[1]])
    const before = tf.memory().numTensors
    const e = await failure(() => integrate(nanField(0.3), x0, [0, 1], { solver: 'euler', stepSize: 0.01 }))
    expect(e).toBeInstanceOf(BlowUpError)
    expect((e as BlowUpError).depth).toBeGreaterThan(0.3)
    expect((e as BlowUpError).depth).toBeLessThanOrEqual(0.3 + (CHECK_EVERY + 1) * 0.01)
    expect(e.msg).toMatchObject({ key: 'engine.blowUp', params: { detail: { key: 'engine.positionsNonFinite' } } })
    expect(tf.memory().numTensors).toBe(before)
    // dopri5: NaN makes the error norm non-finite, steps shrink to the minimum just before 0.3
    const e2 = await failure(() => integrate(nanField(0.3), x0, [0, 1], adaptive()))
    expect(e2).toBeInstanceOf(BlowUpError)
    expect(Math.abs((e2 as BlowUpError).depth - 0.3)).toBeLessThan(1e-6)
    expect(e2.msg).toMatchObject({ key: 'engine.blowUp', params: { detail: { key: 'engine.velocityNonFinite' } } })
    expect(tf.memory().numTensors).toBe(before)
    x0.dispose()
  })

  it('NaN in the starting positions is refused at depth 0', async () => {
    const x0 = tf.tensor2d([[1], [NaN]])
    const e = await failure(() => integrate(cubicField(), x0, [0, 1], { solver: 'euler', stepSize: 0.1 }))
    expect((e as BlowUpError).depth).toBe(0)
    x0.dispose()
  })

  it('dopri5 near a finite-time singularity stops with the depth reached', async () => {
    const x0 = tf.tensor2d([[1]])
    const before = tf.memory().numTensors
    const e = await failure(() => integrate(cubicField(), x0, [0, 1], adaptive()))
    expect(e.code === 'budget' || e.code === 'blow-up').toBe(true)
    // the depth the Message names, where it gave up
    expect(Math.abs(Number(e.msg.params?.depth) - 0.5)).toBeLessThan(1e-3)
    expect(tf.memory().numTensors).toBe(before)
    x0.dispose()
  })

  it('dopri5 with a tiny step budget fails with a budget error naming the depth', async () => {
    const x0 = tf.tensor2d([[2]])
    const before = tf.memory().numTensors
    const e = await failure(() => integrate(normalDaeField({ calls: 0 }), x0, [0, 0.2, 0.45], adaptive(3)))
    expect(e.code).toBe('budget')
    expect(e.msg).toMatchObject({ key: 'engine.stepBudget', params: { maxSteps: 3, depth: expect.stringMatching(/^0\.\d+$/), end: 0.45 } })
    expect(tf.memory().numTensors).toBe(before)
    x0.dispose()
  })

  it.each<[string, SolverOptions]>([
    ['rk4', { solver: 'rk4', stepSize: 0.01 }],
    ['dopri5', adaptive()]
  ])('a hook throwing CancelledError stops %s within one step, leaving no tensors', async (_name, options) => {
    const x0 = tf.tensor2d([[1], [2], [3]])
    const depths = [0, 0.1, 0.2, 0.4]
    // reference run: field calls made by the time of each accepted step
    const full = { calls: 0 }
    const callsAtStep: number[] = []
    const r = await integrate(normalDaeField(full), x0, depths, options, { onStep: () => void callsAtStep.push(full.calls) })
    r.positions.forEach((p) => p.dispose())
    expect(callsAtStep.length).toBeGreaterThan(5)

    const before = tf.memory().numTensors
    const counter = { calls: 0 }
    const seen: number[] = []
    const e = await failure(() =>
      integrate(normalDaeField(counter), x0, depths, options, {
        onStep: async (t) => {
          seen.push(t)
          await Promise.resolve()
          if (seen.length === 3) throw new CancelledError()
        }
      })
    )
    expect(e).toBeInstanceOf(CancelledError)
    expect(seen.length).toBe(3)
    // not one field evaluation after the third step
    expect(counter.calls).toBe(callsAtStep[2])
    expect(tf.memory().numTensors).toBe(before)
    x0.dispose()
  })
})
