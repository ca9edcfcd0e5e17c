// Spec checks against hostile or absurd values that the schema's types let through: control characters in
// the name (echoed to terminals and logs), a dataset id that is not one the dataset store makes (a path
// such as ../../../../etc), covariance entries so large that sampling overflows, and the work budget
// (particles x steps). Called from ExperimentSpecSchema's refinement, so every boundary refuses the same.
import type { z } from 'zod'
import { LIMITS } from './limits'
import { customIssue, type Message, message } from './messages'
import type { ExperimentSpec } from './experiment'

/** The pattern of ids the dataset (and run) store makes: folder names, never paths. */
export const DATASET_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/

/** C0 and C1 control characters, DEL, and the bidirectional overrides that disguise text. */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

const issue = (ctx: z.RefinementCtx, path: (string | number)[], m: Message): void => ctx.addIssue(customIssue(path, m))

/** Checks that need no resolved distribution: the name, the dataset id, the covariance magnitudes. */
export function checkSpecValues(spec: ExperimentSpec, ctx: z.RefinementCtx): void {
  if (CONTROL_CHARACTERS.test(spec.name)) issue(ctx, ['name'], message('harden.specNameControl'))
  const data = (spec.flow as { data?: { kind?: string; id?: unknown } }).data
  if (data?.kind === 'dataset' && !(typeof data.id === 'string' && DATASET_ID_PATTERN.test(data.id)))
    issue(ctx, ['flow', 'data', 'id'], message('harden.specDatasetId', { id: JSON.stringify(data.id).slice(0, 80) }))
  const d = spec.distribution
  const covs = d.kind === 'gaussian' ? [d.covariance] : d.kind === 'gmm' ? d.covariances : []
  covs.forEach((c, k) => {
    const big = c.flat().find((v) => Math.abs(v) > LIMITS.maxCovarianceEntry)
    if (big !== undefined)
      issue(
        ctx,
        d.kind === 'gaussian' ? ['distribution', 'covariance'] : ['distribution', 'covariances', k],
        message('harden.specCovarianceTooLarge', { value: String(big), max: String(LIMITS.maxCovarianceEntry) })
      )
  })
}

/** The work budget: particles x integration steps (for dopri5, its maxSteps). */
export function checkWorkBudget(particles: number, steps: number, ctx: z.RefinementCtx): void {
  const work = particles * steps
  if (work > LIMITS.maxParticleSteps)
    issue(
      ctx,
      ['particles'],
      message('harden.specWorkBudget', { particles, steps, work: work.toExponential(2), limit: LIMITS.maxParticleSteps.toExponential(0) })
    )
}
