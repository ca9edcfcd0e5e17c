// The labelled data a classification flow trains on: a built-in set generated from the spec's seed,
// or an imported dataset (<workspace>/datasets/<id>/) that must have labels and at most 3 coordinates
// with the augmented ones. Problems with the data are field errors on flow.data.id.
import type { ExperimentSpec, TrainedFlowSpec } from '../../../../shared/experiment'
import { LIMITS } from '../../../../shared/limits'
import { builtinDataset } from '../../sampling/builtin-datasets'
import { createRng } from '../../sampling/random'
import { loadDataset } from '../../datasets/store'
import { EngineError } from '../../errors'
import { shuffledIndices } from '../../training/minibatch'
import { type Message, message, messageOf } from '../../../../shared/messages'

export interface ClassificationData {
  /** [n, d] row-major */
  points: Float32Array
  labels: Int32Array
  n: number
  d: number
  classes: string[]
  /** how the data is named in notes */
  description: Message
  notes: Message[]
}

function dataError(m: Message): EngineError {
  return new EngineError('invalid-spec', message('engine.dataIdProblem', { problem: m }), [{ field: 'flow.data.id', message: m }])
}

/**
 * `count` rows of the spec's classification data. Imported data: all rows when it has at most
 * `count`, else a seeded subsample (stream 'dataset-rows' of the spec seed), kept in file order.
 */
export async function classificationData(spec: ExperimentSpec, count: number, workspace?: string): Promise<ClassificationData> {
  const flow = spec.flow as TrainedFlowSpec
  if (flow.kind !== 'neural-ode' || !flow.data) throw new EngineError('invalid-spec', message('engine.classifyNeedsData'))
  const data = flow.data
  if (data.kind === 'builtin') {
    const ds = builtinDataset(data.name, count, spec.seed)
    return {
      points: Float32Array.from(ds.points),
      labels: ds.labels,
      n: count,
      d: ds.d,
      classes: ds.classes,
      description: message('engine.builtinDatasetName', { name: data.name }),
      notes: []
    }
  }
  if (!workspace) throw dataError(message('engine.datasetNeedsWorkspace'))
  let ds: Awaited<ReturnType<typeof loadDataset>>
  try {
    ds = await loadDataset(workspace, data.id)
  } catch (e) {
    throw dataError(messageOf(e) ?? message('errmsg.internal', { detail: (e as Error).message }))
  }
  if (!ds.labels) throw dataError(message('engine.datasetNoLabels', { id: data.id }))
  const augment = flow.model.augment
  if (ds.d + augment > LIMITS.maxDimension)
    throw dataError(
      augment > 0
        ? message('engine.datasetTooWideAugmented', { id: data.id, d: ds.d, augment, max: LIMITS.maxDimension })
        : message('engine.datasetTooWide', { id: data.id, d: ds.d, max: LIMITS.maxDimension })
    )
  let C = ds.classes?.length ?? 0
  for (const l of ds.labels) {
    if (l < 0 || (ds.classes && l >= C)) throw dataError(message('engine.datasetLabelOutside', { id: data.id, label: l, classes: C }))
    if (!ds.classes) C = Math.max(C, l + 1)
  }
  if (C < 2) throw dataError(message('engine.datasetFewClasses', { id: data.id }))
  if (ds.n < 2) throw dataError(message('engine.datasetFewRows', { id: data.id }))
  const classes = ds.classes ?? Array.from({ length: C }, (_, i) => String(i))
  let rows: Int32Array
  const notes: Message[] = []
  if (ds.n <= count) {
    rows = Int32Array.from({ length: ds.n }, (_, i) => i)
    if (ds.n < count) notes.push(message('engine.noteDatasetAllRows', { id: data.id, rows: ds.n, count }))
  } else {
    rows = shuffledIndices(ds.n, createRng(spec.seed).fork('dataset-rows')).slice(0, count).sort()
    notes.push(message('engine.noteDatasetSubsample', { id: data.id, rows: ds.n, count }))
  }
  const n = rows.length
  const points = new Float32Array(n * ds.d)
  const labels = new Int32Array(n)
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < ds.d; j++) points[r * ds.d + j] = ds.points[rows[r] * ds.d + j]
    labels[r] = ds.labels[rows[r]]
  }
  return { points, labels, n, d: ds.d, classes, description: message('engine.importedDatasetName', { id: data.id }), notes }
}
