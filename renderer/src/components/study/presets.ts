// Ready-made depth and step-size studies (the paper's "deeper converges faster" first) and the parsing
// and checks of a custom sweep, kept pure so the wizard validates as the user types.
import type { StudyParameter, StudySweep } from '@shared/study'

export interface StudyPreset {
  key: 'deeper' | 'paper44-steps' | 'paper45-layers'
  spec: Record<string, unknown>
  sweep: StudySweep
}

const normal1d = {
  version: 1,
  name: 'N(0, 1), total noise 0.25',
  seed: 7,
  distribution: { kind: 'preset', name: 'normal-1d' },
  particles: { kind: 'sample', count: 2000 },
  flow: { kind: 'composed-dae', layers: 10 },
  integration: { solver: 'rk4', depth: 0.25, stepSize: 0.25, samples: 2 }
}

export const STUDY_PRESETS: StudyPreset[] = [
  { key: 'deeper', spec: normal1d, sweep: { parameter: 'layers', values: [1, 2, 4, 8, 16, 32, 64] } },
  {
    key: 'paper44-steps',
    spec: {
      ...normal1d,
      name: '(44) continuous DAE, Euler steps',
      distribution: { kind: 'preset', name: 'paper-44' },
      particles: { kind: 'sample', count: 4000 },
      flow: { kind: 'continuous-dae' },
      integration: { solver: 'euler', depth: 0.4, stepSize: 0.1, samples: 2 }
    },
    sweep: { parameter: 'steps', values: [5, 10, 20, 40, 80] }
  },
  {
    key: 'paper45-layers',
    spec: {
      ...normal1d,
      name: '(45) composed DAE',
      distribution: { kind: 'preset', name: 'paper-45' },
      particles: { kind: 'sample', count: 4000 },
      integration: { solver: 'rk4', depth: 0.45, stepSize: 0.45, samples: 2 }
    },
    sweep: { parameter: 'layers', values: [1, 2, 4, 8, 16, 32] }
  }
]

export type SweepProblem = 'empty' | 'notNumber' | 'notPositive' | 'notWhole' | 'tooFew' | 'tooMany'

/** "1, 2, 4" -> [1, 2, 4], or the first problem found (in the order a user would fix them). */
export function parseValues(text: string, parameter: StudyParameter): { ok: true; values: number[] } | { ok: false; problem: SweepProblem } {
  const parts = text.split(/[\s,;、]+/).filter((p) => p !== '')
  if (parts.length === 0) return { ok: false, problem: 'empty' }
  const values = parts.map(Number)
  if (values.some((v) => !Number.isFinite(v))) return { ok: false, problem: 'notNumber' }
  if (values.some((v) => v <= 0)) return { ok: false, problem: 'notPositive' }
  if (parameter !== 'stepSize' && values.some((v) => !Number.isInteger(v))) return { ok: false, problem: 'notWhole' }
  if (values.length < 2) return { ok: false, problem: 'tooFew' }
  if (values.length > 16) return { ok: false, problem: 'tooMany' }
  return { ok: true, values }
}

/** particle-steps of the whole study: the limit counts as the finest point (an estimate shown before Run) */
export function studyCost(spec: Record<string, unknown>, sweep: StudySweep): { runs: number; particles: number; particleSteps: number } {
  const particles = Number((spec.particles as { count?: number } | undefined)?.count ?? 0)
  const depth = Number((spec.integration as { depth?: number } | undefined)?.depth ?? 0)
  const steps = (v: number): number => (sweep.parameter === 'stepSize' ? Math.ceil(depth / v) : v)
  const finest = Math.max(...sweep.values.map(steps))
  const total = sweep.values.reduce((s, v) => s + steps(v), 0) + finest
  return { runs: sweep.values.length + 1, particles, particleSteps: total * particles }
}
