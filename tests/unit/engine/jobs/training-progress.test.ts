// The training progress as data: each epoch's event carries its numbers (loss, held-out loss and accuracy,
// the regulariser terms, NFE summed over epochs, time per epoch, time since the start and the time left,
// worked out by hand below on a clock the test drives) and a Message saying epoch k of N; the job manager
// passes both through to the progress event unchanged.
import { describe, expect, it } from 'vitest'
import type { JobEvent } from '../../../../shared/contract'
import type { TrainingProgress } from '../../../../shared/job-progress'
import { message, type Message } from '../../../../shared/messages'
import type { EpochRecord } from '../../../../shared/training'
import type { JobContext } from '../../../../electron/engine/jobs/context'
import { JobManager } from '../../../../electron/engine/jobs/manager'
import { PROGRESS_TRAINING, trainingProgress } from '../../../../electron/engine/jobs/trained/runner'

interface Seen {
  fraction: number
  message?: Message
  training?: TrainingProgress
}

function recorder(): { ctx: JobContext; seen: Seen[] } {
  const seen: Seen[] = []
  const ctx: JobContext = {
    checkpoint: () => Promise.resolve(),
    progress: (fraction, _d, m, training) => seen.push({ fraction, message: m, training }),
    cancelled: false
  }
  return { ctx, seen }
}

const record = (epoch: number, extra: Partial<EpochRecord> = {}): EpochRecord => ({
  epoch,
  trainLoss: 1 / (epoch + 1),
  validationLoss: 2 / (epoch + 1),
  kinetic: 0.5,
  nfe: 10,
  seconds: 2,
  ...extra
})

describe('trainingProgress', () => {
  it('sends each epoch as numbers, with the time left from the mean epoch time so far', () => {
    const { ctx, seen } = recorder()
    let now = 1000
    const p = trainingProgress(ctx, 40, 4, 1, () => now)
    for (let b = 0; b < 10; b++) p.batch()
    now += 3000
    p.epoch(record(0, { validationAccuracy: 0.75 }))
    now += 1000
    p.epoch(record(1))
    const epochs = seen.filter((s) => s.training)
    expect(epochs).toHaveLength(2)
    // epoch 1 of 4 after 3 s: 3 epochs left at 3 s each
    expect(epochs[0].training).toEqual({
      epoch: 1,
      epochs: 4,
      loss: 1,
      validationLoss: 2,
      accuracy: 0.75,
      kinetic: 0.5,
      nfe: 10,
      secondsPerEpoch: 2,
      elapsedSeconds: 3,
      etaSeconds: 9
    })
    // epoch 2 after 4 s: 2 left at a mean of 2 s
    expect(epochs[1].training).toMatchObject({ epoch: 2, loss: 0.5, nfe: 20, elapsedSeconds: 4, etaSeconds: 4 })
    expect(epochs[1].message).toEqual(message('notemsg.progressEpoch', { epoch: 2, epochs: 4 }))
    expect(epochs[0].fraction).toBeCloseTo((PROGRESS_TRAINING * 10) / 40, 12)
  })

  it('counts a layered training by position: layer 2 of 3, epoch 1 of 2 leaves 3 epochs', () => {
    const { ctx, seen } = recorder()
    let now = 0
    const p = trainingProgress(ctx, 6, 2, 3, () => now)
    now += 5000
    // a resumed job: its first epoch is layer 2's first; the 5 s so far are this job's one epoch
    p.epoch(record(0, { layer: 1 }))
    const last = seen[seen.length - 1]
    expect(last.training).toMatchObject({ layer: 2, layers: 3, epoch: 1, epochs: 2, etaSeconds: 15 })
    expect(last.message).toEqual(message('notemsg.progressEpochLayer', { layer: 2, layers: 3, epoch: 1, epochs: 2 }))
  })
})

describe('the job manager', () => {
  it('passes the Message and the numbers through to the progress event', async () => {
    const jobs = new JobManager({ progressIntervalMs: 0 })
    const events: JobEvent[] = []
    jobs.onEvent((e) => events.push(e))
    const numbers: TrainingProgress = { epoch: 3, epochs: 5, loss: 0.25, nfe: 30, secondsPerEpoch: 1, elapsedSeconds: 3, etaSeconds: 2 }
    jobs.submit('train', (ctx) => {
      ctx.progress(0.5, undefined, message('notemsg.progressEpoch', { epoch: 3, epochs: 5 }), numbers)
      return Promise.resolve('run-1')
    })
    await jobs.idle()
    const progress = events.find((e) => e.type === 'progress' && e.training)
    expect(progress).toEqual({
      jobId: expect.any(String),
      type: 'progress',
      fraction: 0.5,
      message: message('notemsg.progressEpoch', { epoch: 3, epochs: 5 }),
      training: numbers
    })
    await jobs.dispose()
  })
})
