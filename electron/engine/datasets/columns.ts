// An imported dataset's chosen feature columns as float64 rows [n, columns.length], for the flows that
// learn from all of its rows (the mixture fitted for the continuous DAE, the trained DAEs' training data).
// A dataset that cannot be read or a column outside it is a field error, as for its particles.
import { fieldErrorsMessage } from '../../../shared/experiment'
import { type Message, message, messageOf } from '../../../shared/messages'
import { EngineError } from '../errors'
import { loadDataset } from './store'

export interface DatasetColumns {
  name: string
  /** row-major [n, d] */
  rows: Float64Array
  n: number
  d: number
  /** the chosen columns' names, comma-separated, for notes */
  columnNames: string
}

export const datasetFieldError = (field: string, m: Message): EngineError =>
  new EngineError('invalid-spec', message('engine.invalidSpec', { errors: fieldErrorsMessage([{ field, message: m }]) }), [{ field, message: m }])

export async function loadDatasetColumns(workspace: string | undefined, id: string, columns: number[]): Promise<DatasetColumns> {
  if (!workspace) throw datasetFieldError('distribution.id', message('engine.datasetNeedsWorkspace'))
  let ds: Awaited<ReturnType<typeof loadDataset>>
  try {
    ds = await loadDataset(workspace, id)
  } catch (e) {
    throw datasetFieldError('distribution.id', messageOf(e) ?? message('errmsg.internal', { detail: (e as Error).message }))
  }
  for (const c of columns)
    if (c >= ds.d) throw datasetFieldError('distribution.columns', message('trainui.datasetColumnOutside', { column: c, id, d: ds.d, last: ds.d - 1 }))
  const d = columns.length
  const rows = new Float64Array(ds.n * d)
  for (let i = 0; i < ds.n; i++) columns.forEach((c, j) => (rows[i * d + j] = ds.points[i * ds.d + c]))
  return { name: ds.name, rows, n: ds.n, d, columnNames: columns.map((c) => ds.featureNames[c] ?? String(c)).join(', ') }
}
