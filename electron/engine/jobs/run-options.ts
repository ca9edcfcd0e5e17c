// What a caller hands to either runner (plain or trained), and the spec check both start with. Kept
// apart from the runners so the trained runner needs nothing from the plain one (no import cycle).
import { fieldErrorsMessage, parseSpec, type ExperimentSpec } from '../../../shared/experiment'
import { message } from '../../../shared/messages'
import { makeParticles } from '../sampling/particles'
import { createRng } from '../sampling/random'
import { EngineError } from '../errors'
import { buildFlow } from '../flows/build-flow'
import { integrate, solverOptionsOf } from '../solvers/integrate'
import type { JobContext } from './context'
import type { Transported } from './run-tail'

/** The engine pieces the runner calls; injectable so tests can wrap or slow them. */
export interface RunnerDeps {
  createRng: typeof createRng
  makeParticles: typeof makeParticles
  buildFlow: typeof buildFlow
  integrate: typeof integrate
  solverOptionsOf: typeof solverOptionsOf
}

export const defaultRunnerDeps: RunnerDeps = { createRng, makeParticles, buildFlow, integrate, solverOptionsOf }

export interface RunExperimentOptions {
  ctx: JobContext
  /** the active TF.js backend, recorded in the run */
  backend: string
  appVersion?: string
  deps?: Partial<RunnerDeps>
  now?: () => Date
  /** the workspace: trained flows keep per-epoch checkpoints under <workspace>/checkpoints/ and read imported datasets */
  workspace?: string
  /** called once transport is done, before the metrics: the trajectories are final (writing may begin) */
  onTransported?: (transported: Transported) => void
}

/** Validate a spec; invalid -> EngineError('invalid-spec') with every field error. */
export function checkSpec(value: unknown): ExperimentSpec {
  const r = parseSpec(value)
  if (!r.ok) throw new EngineError('invalid-spec', message('engine.invalidSpec', { errors: fieldErrorsMessage(r.errors) }), r.errors)
  return r.spec
}
