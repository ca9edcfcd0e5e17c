// Progress messages -> epoch records: the format electron/engine/jobs/train-runner.ts emits (parts joined
// by " · "), the composed DAE's "layer L epoch E", the plainer documented form, non-epoch messages, the
// de-duplication of repeated epoch messages, and run.json's curve as chart points.
import { describe, expect, it } from 'vitest'
import { appendPoint, curveToPoints, parseProgress } from '@/components/train/progressParse'
import { lossColumns } from '@/components/train/lossSeries'

describe('parseProgress', () => {
  it("reads the engine's message with every part", () => {
    expect(parseProgress('epoch 3 · loss 0.1234 · validation 0.1301 · kinetic 0.0123 · NFE 400 · 0.12 s/epoch')).toEqual({
      epoch: 3,
      loss: 0.1234,
      validation: 0.1301,
      kinetic: 0.0123,
      nfe: 400,
      secondsPerEpoch: 0.12
    })
  })

  it('reads the minimal message and exponents (toPrecision output)', () => {
    expect(parseProgress('epoch 4 · loss 0.2000 · kinetic 0.0110 · jacobian 0.342 · NFE 800 · 0.30 s/epoch')).toEqual({
      epoch: 4, loss: 0.2, kinetic: 0.011, jacobian: 0.342, nfe: 800, secondsPerEpoch: 0.3
    })
    expect(parseProgress('epoch 12 · loss 1.234e-5 · NFE 96000 · 3.50 s/epoch')).toEqual({ epoch: 12, loss: 1.234e-5, nfe: 96000, secondsPerEpoch: 3.5 })
  })

  it("reads a composed DAE's layer and epoch", () => {
    expect(parseProgress('layer 2 epoch 5 · loss 0.01010 · validation 0.01100 · NFE 1200 · 0.05 s/epoch')).toMatchObject({ layer: 2, epoch: 5, loss: 0.0101, validation: 0.011 })
  })

  it('reads the plain documented form with a total and a Jacobian term', () => {
    expect(parseProgress('epoch 3/20 loss 0.1234 kinetic 0.01 jacobian 0 nfe 400 1.2s')).toEqual({
      epoch: 3,
      totalEpochs: 20,
      loss: 0.1234,
      kinetic: 0.01,
      jacobian: 0,
      nfe: 400,
      secondsPerEpoch: 1.2
    })
  })

  it('is null for messages without an epoch record', () => {
    for (const m of ['training', 'metrics', 'solver robustness', '', null, undefined, 'epoch 3 · NFE 10', 'loss 0.1', 'epoch x loss 0.1', 'epoch 2 · loss NaN']) {
      expect(parseProgress(m)).toBeNull()
    }
  })
})

describe('appendPoint', () => {
  it('replaces a repeated epoch and appends a new one', () => {
    const a = parseProgress('epoch 1 · loss 0.5 · NFE 10 · 0.1 s/epoch')!
    const a2 = parseProgress('epoch 1 · loss 0.5 · NFE 10 · 0.1 s/epoch')!
    const b = parseProgress('epoch 2 · loss 0.4 · NFE 20 · 0.1 s/epoch')!
    const l2 = parseProgress('layer 2 epoch 1 · loss 0.3 · NFE 30 · 0.1 s/epoch')!
    let c = appendPoint([], a)
    c = appendPoint(c, a2)
    expect(c).toHaveLength(1)
    c = appendPoint(c, b)
    c = appendPoint(c, l2)
    expect(c.map((p) => p.loss)).toEqual([0.5, 0.4, 0.3])
    expect(lossColumns(c)).toEqual([[1, 2, 3], [0.5, 0.4, 0.3], [null, null, null], [null, null, null], [null, null, null]])
  })
})

describe('curveToPoints', () => {
  it("turns run.json's 0-based curve into 1-based points with cumulative NFE", () => {
    const pts = curveToPoints([
      { epoch: 0, trainLoss: 0.7, validationLoss: 0.8, kinetic: null, nfe: 100, seconds: 0.2 },
      { epoch: 1, trainLoss: 0.5, validationLoss: null, kinetic: 0.02, jacobian: 0.4, nfe: 100, seconds: 0.3 },
      { epoch: 'bad' },
      null
    ])
    expect(pts).toEqual([
      { epoch: 1, loss: 0.7, validation: 0.8, nfe: 100, secondsPerEpoch: 0.2 },
      { epoch: 2, loss: 0.5, kinetic: 0.02, jacobian: 0.4, nfe: 200, secondsPerEpoch: 0.3 }
    ])
    expect(curveToPoints(undefined)).toEqual([])
    expect(curveToPoints({ epoch: 0 })).toEqual([])
  })
})
