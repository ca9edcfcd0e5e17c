// Default run names: the settings that tell runs apart (data, flow, solver, h or rtol), numbered past the
// history's runs of the same settings, in English and in Japanese.
import { describe, expect, it } from 'vitest'
import { autoRunName, baseRunName } from '@/stores/runName'

const v = { distMode: 'preset' as const, preset: 'paper-47' as const, flowKind: 'continuous-dae' as const, solver: 'rk4' as const, stepSize: 0.005, rtol: 1e-6 }

describe('default run names', () => {
  it('name the data, flow, solver and h (rtol for dopri5)', () => {
    expect(baseRunName(v, 'en')).toBe('paper-47 continuous-dae, rk4 h=0.005')
    expect(baseRunName({ ...v, solver: 'dopri5' }, 'en')).toBe('paper-47 continuous-dae, dopri5 rtol=0.000001')
    expect(baseRunName({ ...v, distMode: 'custom' }, 'ja')).toBe('custom-mixture continuous-dae・rk4 h=0.005')
  })

  it('number a repeat of the same settings after the highest number in the history', () => {
    expect(autoRunName(v, [], 'en')).toBe('paper-47 continuous-dae, rk4 h=0.005')
    expect(autoRunName(v, ['paper-47 continuous-dae, rk4 h=0.005'], 'en')).toBe('paper-47 continuous-dae, rk4 h=0.005 #2')
    expect(autoRunName(v, ['paper-47 continuous-dae, rk4 h=0.005', 'paper-47 continuous-dae, rk4 h=0.005 #3'], 'en')).toBe(
      'paper-47 continuous-dae, rk4 h=0.005 #4'
    )
    // another h is another name, not a repeat; a user's name that merely starts the same is not counted
    expect(autoRunName({ ...v, stepSize: 0.01 }, ['paper-47 continuous-dae, rk4 h=0.005'], 'en')).toBe('paper-47 continuous-dae, rk4 h=0.01')
    expect(autoRunName(v, ['paper-47 continuous-dae, rk4 h=0.005 #x'], 'en')).toBe('paper-47 continuous-dae, rk4 h=0.005')
    expect(autoRunName(v, ['paper-47 continuous-dae・rk4 h=0.005'], 'ja')).toBe('paper-47 continuous-dae・rk4 h=0.005（2 回目）')
    // a run named in the other language counts too
    expect(autoRunName(v, ['paper-47 continuous-dae, rk4 h=0.005 #2'], 'ja')).toBe('paper-47 continuous-dae・rk4 h=0.005（3 回目）')
  })
})
