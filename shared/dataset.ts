// Imported datasets (the user's CSV/TSV/NPY/NPZ copied into <workspace>/datasets/<id>/): the preview the
// import screen shows before committing, and what a committed dataset is.
import { z } from 'zod'
import type { Message } from './messages/message'
import { StoredMessageSchema, type StoredMessage } from './messages/stored'

export const DATA_FORMATS = ['csv', 'tsv', 'npy', 'npz'] as const
export type DataFormat = (typeof DATA_FORMATS)[number]

export interface ColumnSummary {
  index: number
  name: string
  /** every non-missing cell parses as a finite number */
  numeric: boolean
  /** empty, NA, NaN cells */
  missing: number
  /** cells that are present but not numbers (examples in `examples`) */
  nonNumeric: number
  examples: string[]
  min?: number
  max?: number
  mean?: number
  std?: number
  /** distinct values when few (a candidate label column) */
  distinct?: number
}

export interface DataPreview {
  /** handle for data.import; the staged upload is kept until imported or the app exits */
  token: string
  fileName: string
  format: DataFormat
  rows: number
  columns: ColumnSummary[]
  /** the first rows as text, for the preview table */
  head: string[][]
  /** true when statistics were computed on a subsample (stated in `notice`) */
  subsampled: boolean
  /** rows the statistics were computed on (= rows unless subsampled) */
  sampledRows?: number
  notice?: Message
  /** a column the file itself marks as the label (the labels array of an .npz) */
  suggestedLabel?: number
  /** problems a user must decide about (missing values, non-numeric columns) */
  issues: Message[]
}

export const MissingPolicySchema = z.enum(['drop-rows', 'fill-mean', 'fill-zero'])
export type MissingPolicy = z.infer<typeof MissingPolicySchema>

export interface DatasetInfo {
  id: string
  name: string
  fileName: string
  format: DataFormat
  createdAt: string
  n: number
  d: number
  featureNames: string[]
  labelName?: string
  /** class names in label order, when a label column was chosen */
  classes?: string[]
  /** rows dropped or cells filled */
  cleaning?: DatasetCleaning
}

/** What the import dropped or filled: Messages with their English; one English string in datasets of 0.1.0. */
export type DatasetCleaning = StoredMessage[] | string

/** A stored dataset as "Your data" shows it: its first rows and a summary of every column (all rows). */
export interface DatasetView {
  info: DatasetInfo
  /** the feature columns (min, max, mean, std), then the label column (distinct classes) when there is one */
  columns: ColumnSummary[]
  /** the first rows as text: features, then the class name */
  head: string[][]
  /** rows per class, in class order, when the dataset has labels */
  classCounts?: number[]
}

/** dataset.json as read back from disk (unknown fields ignored, so older readers accept newer files). */
export const DatasetInfoSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/),
  name: z.string().min(1),
  fileName: z.string(),
  format: z.enum(DATA_FORMATS),
  createdAt: z.string(),
  n: z.number().int().min(1),
  d: z.number().int().min(1),
  featureNames: z.array(z.string()),
  labelName: z.string().optional(),
  classes: z.array(z.string()).optional(),
  cleaning: z.union([z.string(), z.array(StoredMessageSchema)]).optional()
})

/** data.fitMixture: the Gaussian mixture EM fitted to a dataset's rows, as the continuous DAE's run will fit it */
export interface MixtureFit {
  components: number
  /** rows the mixture was fitted to (a seeded subsample of a large dataset) and the dataset's rows */
  rows: number
  totalRows: number
  /** mean log-likelihood per row */
  logLikelihood: number
  iterations: number
  converged: boolean
  /** the fitted mixture's singular time min_k lambda_min(Sigma_k) / 2: the depth must stay below it */
  tStar: number
  weights: number[]
  means: number[][]
  covariances: number[][][]
}
