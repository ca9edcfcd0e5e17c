// data.preview and data.import without the transport: parse and stage an upload, describe it; later
// apply the user's mapping to the staged table and save it as a dataset.
import type { DataPreview, DatasetInfo, MissingPolicy } from '../../../../shared/dataset'
import { saveDataset, type SaveHooks } from '../store'
import { applyMapping } from './apply'
import { parseUpload } from './parse'
import type { Staging } from './staging'
import { summarize } from './summary'

export function previewUpload(staging: Staging, fileName: string, bytes: Uint8Array, maxBytes?: number): DataPreview {
  const table = parseUpload(fileName, bytes, maxBytes)
  const s = summarize(table)
  const token = staging.put(fileName, bytes, table)
  return {
    token,
    fileName,
    format: table.format,
    rows: table.rows,
    columns: s.columns,
    head: table.head,
    subsampled: s.subsampled,
    sampledRows: s.sampledRows,
    ...(s.notice ? { notice: s.notice } : {}),
    ...(table.labelColumn !== undefined ? { suggestedLabel: table.labelColumn } : {}),
    issues: s.issues
  }
}

export interface ImportRequest {
  token: string
  name: string
  features: number[]
  label?: number | null
  missing: MissingPolicy
}

export async function importStaged(staging: Staging, workspace: string, r: ImportRequest, hooks?: SaveHooks): Promise<DatasetInfo> {
  const staged = staging.get(r.token)
  const m = applyMapping(staged.table, { features: r.features, label: r.label, missing: r.missing })
  const info = await saveDataset(
    workspace,
    {
      name: r.name,
      fileName: staged.fileName,
      format: staged.table.format,
      original: staged.bytes,
      points: m.points,
      n: m.n,
      d: m.d,
      featureNames: m.featureNames,
      ...(m.labels ? { labels: m.labels, labelName: m.labelName, classes: m.classes } : {}),
      ...(m.cleaning ? { cleaning: m.cleaning } : {})
    },
    hooks
  )
  staging.drop(r.token)
  return info
}
