// A pool worker for the pool's own tests: tasks that compute, fail, crash the thread or never end, so
// supervision and cancel are tested without TF.js in the way.
import { EngineError } from '../../../../electron/engine/errors'
import { message } from '../../../../shared/messages'
import { serveTasks } from '../../../../electron/engine/pool/serve-tasks'

serveTasks({
  /** sum of squares of the numbers given, with a progress note per number */
  sumSquares: (xs: number[], report) => {
    let s = 0
    xs.forEach((x, i) => {
      s += x * x
      report((i + 1) / xs.length)
    })
    return { result: s }
  },
  fail: () => {
    throw new EngineError('blow-up', message('engine.lossNotFinite', { loss: 'NaN' }))
  },
  failPlain: () => {
    throw new Error('plain failure')
  },
  crash: () => process.exit(7),
  /** spins until terminated, as a long TF.js kernel would */
  spin: () => {
    for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50)
  }
})
