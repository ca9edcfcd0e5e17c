// Test helpers: parse a spec from a partial input and move flat arrays in and out of tensors.
import { parseSpec, type ExperimentSpec, type ExperimentSpecInput } from '../../../../shared/experiment'
import { tf } from '../../../../electron/engine/backend'

export function specOf(partial: Partial<ExperimentSpecInput>): ExperimentSpec {
  const r = parseSpec({
    version: 1,
    name: 'test',
    seed: 7,
    distribution: { kind: 'preset', name: 'paper-45' },
    particles: { kind: 'sample', count: 10 },
    flow: { kind: 'continuous-dae' },
    integration: { solver: 'rk4', depth: 0.45, stepSize: 0.0025, samples: 2 },
    ...partial
  })
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.spec
}

export function rows(t: tf.Tensor): number[][] {
  return t.arraySync() as number[][]
}

/** positions of a depth map at depth t as plain rows; the returned tensor is disposed */
export function mapRows(map: { positionsAt(x0: tf.Tensor2D, t: number): tf.Tensor2D }, x0: tf.Tensor2D, t: number): number[][] {
  const y = tf.tidy(() => map.positionsAt(x0, t))
  const out = y.arraySync() as number[][]
  y.dispose()
  return out
}
