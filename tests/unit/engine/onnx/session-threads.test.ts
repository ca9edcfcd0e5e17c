// An ONNX recording session's intra-op threads follow the engine's one thread setting (automatic: all
// cores but one), so Settings and --threads govern recording as they govern the worker pool;
// NAGARE_ONNX_THREADS (benchmarks) and NAGARE_THREADS (support) still win in that order.
import { availableParallelism } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import { onnxThreads } from '../../../../electron/engine/onnx/session'
import { setThreadSetting } from '../../../../electron/engine/pool/sizing'

afterEach(() => {
  setThreadSetting(undefined)
  delete process.env.NAGARE_ONNX_THREADS
  delete process.env.NAGARE_THREADS
})

describe('onnxThreads', () => {
  it('is the thread setting, automatic meaning all cores but one', () => {
    delete process.env.NAGARE_THREADS
    setThreadSetting(0)
    expect(onnxThreads()).toBe(Math.max(1, availableParallelism() - 1))
    setThreadSetting(3)
    expect(onnxThreads()).toBe(3)
    setThreadSetting(1)
    expect(onnxThreads()).toBe(1)
  })

  it('yields to NAGARE_THREADS, and NAGARE_ONNX_THREADS over both', () => {
    setThreadSetting(3)
    process.env.NAGARE_THREADS = '2'
    expect(onnxThreads()).toBe(2)
    process.env.NAGARE_ONNX_THREADS = '5'
    expect(onnxThreads()).toBe(5)
  })
})
