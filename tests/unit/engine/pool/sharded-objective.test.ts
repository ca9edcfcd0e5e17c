// The neural ODE tasks' steps split into shards across two pool workers: classification (backprop and
// adjoint, with the kinetic and Hutchinson Jacobian terms) and CNF density (backprop and adjoint) give the
// in-thread full-batch loss and gradient to float rounding, the shards reading the probe signs one thread
// draws (5,000 rows: two 4,096-row chunks, and a shard boundary that is not a chunk boundary); a sharded
// step repeats bit for bit; the work threshold keeps small steps on the engine's thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tf } from '../../../../electron/engine/backend'
import { createRng } from '../../../../electron/engine/sampling/random'
import { TrainedModel, type TrainedModelMeta } from '../../../../electron/engine/models/trained-model'
import type { WorkerPool } from '../../../../electron/engine/pool/pool'
import { sourcePool } from './source-pool'
import type { ChunkedGradients } from '../../../../electron/engine/training/objective'
import { drawProbeTable, rademacherSigns } from '../../../../electron/engine/training/probe-table'
import { shardedObjectiveGradients } from '../../../../electron/engine/training/sharded-objective'
import { MIN_SHARD_EVALUATIONS, poolForWork } from '../../../../electron/engine/training/sharded-step'
import { classifierGradients, type ClassifierObjective } from '../../../../electron/engine/training/tasks/classify'
import { densityGradients, type DensityObjective } from '../../../../electron/engine/training/tasks/density'
import { DEFAULT_CHUNK_ROWS } from '../../../../electron/engine/training/train-step'

let pool: WorkerPool
beforeAll(async () => {
  pool = await sourcePool()
})
afterAll(() => pool.dispose())

function meta(task: 'classify' | 'density'): TrainedModelMeta {
  return {
    kind: 'neural-ode',
    task,
    dataDim: 2,
    augment: 0,
    field: { dim: 2, width: 8, hiddenLayers: 2, activation: 'tanh' },
    fields: 1,
    solver: 'rk4',
    depth: 1,
    stepSize: 0.25,
    ...(task === 'classify' ? { classes: ['a', 'b', 'c'] } : {})
  }
}

const points = (n: number, seed: number): Float32Array => {
  const r = createRng(seed)
  return Float32Array.from({ length: 2 * n }, () => r.normal())
}

/** largest |a - b| over every gradient entry, relative to the largest |b| */
function relGap(model: TrainedModel, a: ChunkedGradients, b: ChunkedGradients): number {
  let gap = 0
  let scale = 0
  for (const v of model.variablesOf(0)) {
    const x = a.grads[v.name].dataSync()
    const y = b.grads[v.name].dataSync()
    for (let i = 0; i < y.length; i++) {
      gap = Math.max(gap, Math.abs(x[i] - y[i]))
      scale = Math.max(scale, Math.abs(y[i]))
    }
  }
  return gap / scale
}

const release = (g: ChunkedGradients): void => tf.dispose(Object.values(g.grads))

describe('probe signs drawn ahead', () => {
  it('are the signs one thread reads chunk by chunk, step after step, laid out by step and row', () => {
    const n = 10
    const steps = 3
    const table = drawProbeTable(createRng(4), n, steps, 2, 4)
    // one thread: chunks of 4, 4, 2 rows; each step of a chunk reads m x 2 signs from the stream
    const stream = createRng(4)
    for (const [start, m] of [
      [0, 4],
      [4, 4],
      [8, 2]
    ])
      for (let i = 0; i < steps; i++) {
        const signs = rademacherSigns(stream, m * 2)
        expect(Array.from(table.subarray((i * n + start) * 2, (i * n + start + m) * 2))).toEqual(Array.from(signs))
      }
  })
})

describe('neural ODE objectives on the pool', () => {
  const n = 5000
  const steps = 4
  const classify: ClassifierObjective = { solver: 'rk4', depth: 1, stepSize: 0.25, kinetic: 0.1, jacobian: 0.05, gradient: 'backprop' }

  for (const gradient of ['backprop', 'adjoint'] as const) {
    it(`classification (${gradient}, kinetic and Jacobian terms) equals the in-thread gradient`, async () => {
      const model = new TrainedModel(meta('classify'), createRng(2))
      const x = points(n, 5)
      const labels = Int32Array.from({ length: n }, (_, i) => (i * 7) % 3)
      const training = { ...classify, gradient }
      const here = classifierGradients(model, x, labels, n, training, createRng(9))
      const probes = drawProbeTable(createRng(9), n, steps, 2, DEFAULT_CHUNK_ROWS)
      const sharded = await shardedObjectiveGradients(model, { kind: 'classify', training, x, labels, n, probes }, pool)
      expect(sharded.loss).toBeCloseTo(here.loss, 5)
      expect(sharded.kinetic).toBeCloseTo(here.kinetic, 5)
      expect(sharded.jacobian).toBeCloseTo(here.jacobian!, 5)
      expect(relGap(model, sharded, here)).toBeLessThan(1e-4)
      // other signs give another Jacobian estimate: the shards did read the table
      const other = await shardedObjectiveGradients(
        model,
        { kind: 'classify', training, x, labels, n, probes: drawProbeTable(createRng(10), n, steps, 2, DEFAULT_CHUNK_ROWS) },
        pool
      )
      expect(Math.abs(other.jacobian! - here.jacobian!)).toBeGreaterThan(1e-6)
      ;[here, sharded, other].forEach(release)
      model.dispose()
    })
  }

  for (const gradient of ['backprop', 'adjoint'] as const) {
    it(`density by a CNF (${gradient}, kinetic and Jacobian terms) equals the in-thread gradient`, async () => {
      const model = new TrainedModel(meta('density'), createRng(3))
      const rows = 600
      const x = points(rows, 6)
      const training: DensityObjective = { solver: 'rk4', depth: 1, stepSize: 0.25, kinetic: 0.1, jacobian: 0.05, gradient }
      const here = densityGradients(model, x, rows, training)
      const sharded = await shardedObjectiveGradients(model, { kind: 'density', training, x, n: rows }, pool)
      expect(sharded.loss).toBeCloseTo(here.loss, 5)
      expect(sharded.kinetic).toBeCloseTo(here.kinetic, 5)
      expect(relGap(model, sharded, here)).toBeLessThan(1e-4)
      ;[here, sharded].forEach(release)
      model.dispose()
    })
  }

  it('repeats bit for bit, and follows the weights it is sent', async () => {
    const model = new TrainedModel(meta('classify'), createRng(2))
    const x = points(2000, 7)
    const labels = Int32Array.from({ length: 2000 }, (_, i) => i % 3)
    const rows = { kind: 'classify' as const, training: { ...classify, jacobian: 0 }, x, labels, n: 2000 }
    const a = await shardedObjectiveGradients(model, rows, pool)
    const b = await shardedObjectiveGradients(model, rows, pool)
    for (const v of model.variablesOf(0)) expect(Array.from(b.grads[v.name].dataSync())).toEqual(Array.from(a.grads[v.name].dataSync()))
    // new weights: the workers' cached model must load them
    model.setWeights(model.getWeights().map((w) => w.values.map((u) => u * 1.5)))
    const c = await shardedObjectiveGradients(model, rows, pool)
    const here = classifierGradients(model, x, labels, 2000, rows.training)
    expect(relGap(model, c, here)).toBeLessThan(1e-4)
    expect(Math.abs(c.loss - a.loss)).toBeGreaterThan(1e-4)
    ;[a, b, c, here].forEach(release)
    model.dispose()
  })

  it('leaves a step on the engine thread unless each worker gets enough field evaluations', () => {
    expect(poolForWork(4096, 20, pool)).toBe(pool)
    expect(poolForWork(MIN_SHARD_EVALUATIONS * 2, 1, pool)).toBe(pool)
    expect(poolForWork(MIN_SHARD_EVALUATIONS * 2 - 1, 1, pool)).toBeUndefined()
    // the trained DAE's one Euler step on a 256-row batch: not worth a round trip
    expect(poolForWork(256, 1, pool)).toBeUndefined()
    expect(poolForWork(4096, 20, undefined)).toBeUndefined()
  })
})
