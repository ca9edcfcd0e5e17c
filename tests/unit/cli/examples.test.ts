// Every shipped example is a valid spec (they are also run: see runner.test.ts and spawn.test.ts).
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatFieldErrors, parseSpec } from '../../../shared/experiment'

const DIR = resolve(__dirname, '../../../examples')
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'))

describe('examples/', () => {
  it('ships the paper figures and teaching cases', () => {
    expect(files.sort()).toEqual(
      [
        'cdae-deeper-converges-faster.json',
        'gaussian-3d.json',
        'neural-ode-dataset.json',
        'neural-ode-density.json',
        'neural-ode-moons.json',
        'neural-ode-transport.json',
        'paper-44-continuous.json',
        'paper-44-shallow.json',
        'paper-45-continuous.json',
        'paper-45-shallow.json',
        'paper-46.json',
        'paper-47.json',
        'swiss-roll-empirical.json',
        'trained-composed-dae.json',
        'trained-dae.json'
      ].sort()
    )
  })

  it.each(files)('%s parses with parseSpec', (f) => {
    const r = parseSpec(JSON.parse(readFileSync(join(DIR, f), 'utf8')))
    expect(r.ok, r.ok ? '' : formatFieldErrors(r.errors)).toBe(true)
  })

  it('paper-47 is sampled with 2000 particles, rk4 0.005 and 46 samples; paper-45 uses the 13 reference points', () => {
    const p47 = JSON.parse(readFileSync(join(DIR, 'paper-47.json'), 'utf8'))
    expect(p47.particles).toEqual({ kind: 'sample', count: 2000 })
    expect(p47.integration).toEqual({ solver: 'rk4', depth: 0.45, stepSize: 0.005, samples: 46 })
    const p45 = JSON.parse(readFileSync(join(DIR, 'paper-45-continuous.json'), 'utf8'))
    expect(p45.particles.points.map((p: number[]) => p[0])).toEqual(Array.from({ length: 13 }, (_, i) => -3 + 0.5 * i))
    const cdae = JSON.parse(readFileSync(join(DIR, 'cdae-deeper-converges-faster.json'), 'utf8'))
    expect(cdae.flow).toEqual({ kind: 'composed-dae', layers: 10 })
    expect(cdae.integration.depth).toBe(0.25)
  })
})
