// What the training report panel shows, read defensively from run.json's `training` (shared/training.ts):
// any field may be missing or of another shape (older or newer runs), so each number is taken only when
// it is a finite number, and whatever is present is shown.

export interface RobustnessRow {
  method: string
  maxDisplacement?: number
  meanDisplacement?: number
  accuracy?: number
  accuracyChange?: number
}

export interface ReportView {
  task?: string
  accuracy?: number
  logLikelihood?: number
  meanPathLength?: number
  heldOutCount?: number
  closedForm?: { description?: string; meanAbsError?: number; maxAbsError?: number; varianceLearned?: number[]; varianceClosedForm?: number[] }
  robustness: RobustnessRow[]
  final: { trainLoss?: number; validationLoss?: number; kinetic?: number; jacobian?: number; weightNorm?: number }
  nfeTraining?: number
  nfeEvaluation?: number
  epochsRun?: number
  stoppedEarly?: boolean
  parameterCount?: number
  wallSeconds?: number
}

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined)
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const nums = (v: unknown): number[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : undefined)

/** Keys whose value is undefined are dropped, so "present" means "has a value". */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

export function reportView(training: unknown): ReportView | null {
  const t = obj(training)
  if (!t) return null
  const held = obj(t.heldOut)
  const cf = obj(t.closedForm)
  const fin = obj(t.final)
  const nfe = obj(t.nfe)
  const robustness = (Array.isArray(t.robustness) ? t.robustness : [])
    .map(obj)
    .filter((r): r is Obj => !!r)
    .map((r) =>
      compact<RobustnessRow>({
        method: str(r.method) ?? '?',
        maxDisplacement: num(r.maxDisplacement),
        meanDisplacement: num(r.meanDisplacement),
        accuracy: num(r.accuracy),
        accuracyChange: num(r.accuracyChange)
      })
    )
  return compact<ReportView>({
    task: str(t.task),
    accuracy: num(held?.accuracy),
    logLikelihood: num(held?.logLikelihood),
    meanPathLength: num(held?.meanPathLength),
    heldOutCount: num(held?.count),
    closedForm: cf
      ? compact({
          description: str(cf.description),
          meanAbsError: num(cf.meanAbsError),
          maxAbsError: num(cf.maxAbsError),
          varianceLearned: nums(cf.varianceLearned),
          varianceClosedForm: nums(cf.varianceClosedForm)
        })
      : undefined,
    robustness,
    final: compact({
      trainLoss: num(fin?.trainLoss),
      validationLoss: num(fin?.validationLoss),
      kinetic: num(fin?.kinetic),
      jacobian: num(fin?.jacobian),
      weightNorm: num(fin?.weightNorm)
    }),
    nfeTraining: num(nfe?.training),
    nfeEvaluation: num(nfe?.evaluation),
    epochsRun: num(t.epochsRun),
    stoppedEarly: typeof t.stoppedEarly === 'boolean' ? t.stoppedEarly : undefined,
    parameterCount: num(t.parameterCount),
    wallSeconds: num(t.wallSeconds)
  })
}
