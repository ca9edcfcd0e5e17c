// The 3-D view's axis names from the data: a run whose data came from an imported dataset (a
// { kind: 'dataset', id } source anywhere in its spec) names its axes after the dataset's columns.
import type { DatasetInfo } from '@shared/dataset'

/** The dataset id a run's spec draws its data from, wherever the spec keeps the source; null if none. */
export function datasetSource(spec: unknown): string | null {
  if (typeof spec !== 'object' || spec === null) return null
  const o = spec as Record<string, unknown>
  if (o.kind === 'dataset' && typeof o.id === 'string') return o.id
  for (const v of Object.values(o)) {
    const found = datasetSource(v)
    if (found) return found
  }
  return null
}

export const hasDatasetSource = (spec: unknown): boolean => datasetSource(spec) !== null

/** The first three column names of the run's dataset (the view's data axes), or undefined. */
export function datasetAxisNames(spec: unknown, datasets: readonly DatasetInfo[]): string[] | undefined {
  const id = datasetSource(spec)
  if (!id) return undefined
  const names = datasets.find((d) => d.id === id)?.featureNames
  return names?.length ? names.slice(0, 3) : undefined
}
