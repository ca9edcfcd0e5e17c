// The training rows of a trained DAE whose data is an imported dataset (distribution kind "dataset"):
// `training.samples` of its rows in the chosen columns, a seeded subsample kept in file order, or all of
// them when it has no more. The rows are used as stored, not standardised, as the classifier's imported
// data is (jobs/trained/data.ts): the DAE's noise level t is then in the data's own units, like the depth.
import type { ExperimentSpec, TrainedFlowSpec } from '../../../../shared/experiment'
import { message, type Message } from '../../../../shared/messages'
import type { Rng } from '../../sampling/random'
import { loadDatasetColumns } from '../../datasets/columns'
import { shuffledIndices } from '../../training/minibatch'

export interface DatasetTrainingRows {
  /** [n, D] row-major, float32 as the training tasks take it */
  rows: Float32Array
  n: number
  note: Message
}

export async function datasetTrainingRows(spec: ExperimentSpec, workspace: string | undefined, rng: Rng): Promise<DatasetTrainingRows> {
  const d = spec.distribution
  if (d.kind !== 'dataset') throw new RangeError('datasetTrainingRows needs a dataset distribution')
  const wanted = (spec.flow as TrainedFlowSpec).training.samples
  const data = await loadDatasetColumns(workspace, d.id, d.columns)
  const D = data.d
  const all = data.n <= wanted
  const picked = all ? Int32Array.from({ length: data.n }, (_, i) => i) : shuffledIndices(data.n, rng).slice(0, wanted).sort()
  const rows = new Float32Array(picked.length * D)
  picked.forEach((row, r) => {
    for (let j = 0; j < D; j++) rows[r * D + j] = data.rows[row * D + j]
  })
  const subsample = all ? (data.n < wanted ? message('datadae.allRowsFewer', { samples: wanted }) : '') : message('datadae.subsample', { rows: data.n })
  const note = message('datadae.noteTrainingRows', { count: picked.length, name: data.name, columns: data.columnNames, subsample })
  return { rows, n: picked.length, note }
}
