// The engine host's configuration carries the user data folder (settings, logs) to the engine, both as
// worker data and as utility-process arguments.
import { describe, expect, it } from 'vitest'
import { hostArgs, parseHostArgs, parseHostConfig } from '../../../electron/host/protocol'

describe('host configuration: userData', () => {
  it('round-trips through the arguments and is checked', () => {
    const c = { workspace: '/w', mode: 'desktop' as const, backend: 'cpu', userData: '/home/u/.config/Nagare' }
    expect(hostArgs(c)).toEqual(['--workspace', '/w', '--mode', 'desktop', '--backend', 'cpu', '--user-data', '/home/u/.config/Nagare'])
    expect(parseHostArgs(['electron', 'utility.js', ...hostArgs(c)])).toEqual(c)
    expect(parseHostConfig({ workspace: '/w', mode: 'browser', userData: '/u' })).toEqual({ workspace: '/w', mode: 'browser', userData: '/u' })
    expect(() => parseHostConfig({ workspace: '/w', mode: 'browser', userData: 5 })).toThrow(/userData/)
  })
})
