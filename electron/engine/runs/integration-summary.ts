// The integration columns of a history row: end depth T, solver, the step size h the solver used and the
// NFE it cost, and a classification run's held-out accuracy.
import type { RunManifest, RunSummary } from '../../../shared/run'
import { isIntegratedKind } from '../../../shared/step-grid'

/** T, solver, the h used and its NFE, and a classifier's held-out accuracy (the history's columns). */
export function integrationSummary(m: RunManifest): Pick<RunSummary, 'depth' | 'solver' | 'stepSize' | 'nfe' | 'accuracy'> {
  const i = m.spec.integration
  // runs written before solverStats.stepSize existed: the spec's h (what they asked for)
  const h = m.solverStats.stepSize ?? (i.solver === 'dopri5' || !isIntegratedKind(m.spec.flow.kind) ? undefined : i.stepSize)
  const accuracy = m.training?.task === 'classify' ? m.training.heldOut?.accuracy : undefined
  return {
    depth: i.depth,
    solver: i.solver,
    ...(h !== undefined ? { stepSize: h } : {}),
    nfe: m.solverStats.nfe,
    ...(accuracy !== undefined ? { accuracy } : {})
  }
}
