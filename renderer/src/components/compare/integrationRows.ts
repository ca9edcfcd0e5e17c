// Compare's integration rows: the solver, the step size h it really used and its T/h steps, so two runs
// that differ only in h show it next to the NFE it cost ("—" for adaptive steps and for maps).
import type { RunManifest } from '@shared/run'
import { isIntegratedKind } from '@shared/step-grid'

export const INTEGRATION_ROWS = ['solver', 'stepSize', 'steps'] as const

export function integrationRow(m: RunManifest): [string, number | string, number | string] {
  const i = m.spec.integration
  if (!isIntegratedKind(m.spec.flow.kind)) return [i.solver, '—', '—']
  // runs written before solverStats.stepSize existed: the spec's h and its step count
  const h = m.solverStats.stepSize ?? (i.solver === 'dopri5' ? undefined : i.stepSize)
  const steps = m.solverStats.steps ?? (h !== undefined ? Math.round(i.depth / h) : m.solverStats.acceptedSteps)
  return [i.solver, h ?? '—', steps]
}
