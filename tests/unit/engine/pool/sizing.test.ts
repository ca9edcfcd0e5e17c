// Thread sizing: automatic leaves one core to the interface; explicit values are whole and bounded;
// NAGARE_THREADS overrides the setting.
import { afterEach, describe, expect, it } from 'vitest'
import { defaultThreads, engineThreads, MAX_THREADS, resolveThreads, setThreadSetting } from '../../../../electron/engine/pool/sizing'

afterEach(() => {
  setThreadSetting(undefined)
  delete process.env.NAGARE_THREADS
})

describe('thread sizing', () => {
  it('uses all cores but one by default, at least one', () => {
    expect([1, 2, 4, 16].map((c) => defaultThreads(c))).toEqual([1, 1, 3, 15])
    expect(resolveThreads(0, 8)).toBe(7)
    expect(resolveThreads(undefined, 8)).toBe(7)
  })

  it('takes an explicit count as asked, within 1..MAX_THREADS', () => {
    expect(resolveThreads(3, 2)).toBe(3)
    expect(resolveThreads(2.7, 8)).toBe(2)
    expect(resolveThreads(-4, 8)).toBe(1)
    expect(resolveThreads(1000, 8)).toBe(MAX_THREADS)
  })

  it('follows the setting, and NAGARE_THREADS over it', () => {
    setThreadSetting(5)
    expect(engineThreads()).toBe(5)
    process.env.NAGARE_THREADS = '2'
    expect(engineThreads()).toBe(2)
  })
})
