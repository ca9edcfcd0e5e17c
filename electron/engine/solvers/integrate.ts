// The solver entry point: dispatches to the fixed-step Runge-Kutta solvers or adaptive dopri5, and
// turns a spec's integration block into solver options.
import type { IntegrationSpec } from '../../../shared/experiment'
import { integrateDopri5 } from './dopri5'
import { integrateFixed } from './fixed-step'
import type { Integrator, SolverOptions } from './types'

export const integrate: Integrator = (field, x0, depths, options, hooks) =>
  options.solver === 'dopri5' ? integrateDopri5(field, x0, depths, options, hooks) : integrateFixed(field, x0, depths, options, hooks)

export function solverOptionsOf(integration: IntegrationSpec): SolverOptions {
  if (integration.solver === 'dopri5') {
    const { rtol, atol, minStep, maxSteps, initialStep } = integration
    return { solver: 'dopri5', rtol, atol, minStep, maxSteps, ...(initialStep !== undefined ? { initialStep } : {}) }
  }
  return { solver: integration.solver, stepSize: integration.stepSize }
}

/** `samples` evenly spaced depths from 0 to `depth` inclusive (the last one exactly `depth`). */
export function sampleDepths(depth: number, samples: number): number[] {
  return Array.from({ length: samples }, (_, i) => (i === samples - 1 ? depth : (depth * i) / (samples - 1)))
}
