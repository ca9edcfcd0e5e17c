// Depth and step-size studies: one flow swept over the number of layers L, the step size h or a
// regularisation weight, each point compared with the continuous limit on the same particles
// (<workspace>/studies/<id>/study.json). The paper's "deeper converges faster" is one such sweep.
import { z } from 'zod'
import type { StoredText } from './messages/stored'
import type { Message } from './messages/message'

/** 2: notes are Messages with their English beside them; study.json of 0.1.0 has no version and plain-string notes */
export const STUDY_FORMAT_VERSION = 2

export const STUDY_PARAMETERS = ['layers', 'stepSize', 'steps'] as const
export type StudyParameter = (typeof STUDY_PARAMETERS)[number]

export const StudySweepSchema = z.strictObject({
  /** layers: composed-DAE L; stepSize: the fixed step h of the solver; steps: number of solver steps */
  parameter: z.enum(STUDY_PARAMETERS),
  values: z.array(z.number().positive()).min(2).max(16)
})
export type StudySweep = z.infer<typeof StudySweepSchema>

export interface StudyPoint {
  value: number
  /** mean |x_T - x_T^limit| over particles */
  meanError: number
  maxError: number
  /** sliced W2 between the end cloud and the limit's end cloud */
  w2ToLimit: number
  entropyEnd: number
  nfe: number
  wallSeconds: number
}

export interface StudyResult {
  /** absent in studies written by 0.1.0 */
  formatVersion?: number
  id: string
  name: string
  createdAt: string
  appVersion: string
  backend: string
  /** the base spec (ExperimentSpec) the sweep varied */
  spec: unknown
  sweep: StudySweep
  /** how the continuous limit was computed (e.g. "continuous DAE, dopri5 rtol 1e-8"): a Message with its English; a string in 0.1.0 */
  limit: StoredText
  limitEntropyEnd: number
  points: StudyPoint[]
  /** fitted slope of log(meanError) against log(value) (the convergence order), when defined */
  slope?: number
  /** Messages with their English (plain strings in 0.1.0 studies, shown through the legacy fallback) */
  notes: StoredText[]
}

export interface StudySummary {
  id: string
  name: string
  createdAt: string
  status: 'complete' | 'unreadable'
  parameter?: StudyParameter
  points?: number
  problem?: Message
}
