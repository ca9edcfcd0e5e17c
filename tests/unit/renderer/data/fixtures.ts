// A preview shaped like the engine's answer for tests/fixtures/data/bad-column.csv (values by hand), and
// a mock api with the data methods.
import { vi } from 'vitest'
import type { Result } from '@shared/contract'
import type { DataPreview, DatasetInfo, DatasetView } from '@shared/dataset'
import { message } from '@shared/messages'
import { createMockApi } from '../helpers'

export const PREVIEW: DataPreview = {
  token: 'tok-12345678',
  fileName: 'bad-column.csv',
  format: 'csv',
  rows: 5,
  columns: [
    { index: 0, name: 'temp', numeric: true, missing: 1, nonNumeric: 0, examples: [], min: 20.5, max: 23, mean: 21.75, std: Math.sqrt(3.25 / 3), distinct: 4 },
    { index: 1, name: 'pressure', numeric: false, missing: 1, nonNumeric: 1, examples: ['abc'], min: 1, max: 4, mean: 8 / 3, std: 1.5275, distinct: 4 },
    { index: 2, name: 'machine', numeric: false, missing: 0, nonNumeric: 5, examples: ['A', 'B', 'C'], distinct: 3 },
    { index: 3, name: 'note', numeric: false, missing: 0, nonNumeric: 5, examples: ['ok', 'x', 'fine'], distinct: 3 }
  ],
  head: [
    ['20.5', '1.0', 'A', 'ok'],
    ['21.5', '', 'B', 'ok'],
    ['NA', '3.0', 'A', 'x'],
    ['22.0', '4.0', 'C', 'fine'],
    ['23.0', 'abc', 'B', 'ok']
  ],
  subsampled: false,
  issues: [message('import.issueNotNumeric', { name: 'machine', examples: '“A”, “B”, “C”' }), message('import.issueShortRowOne')]
}

export const INFO: DatasetInfo = {
  id: '20261127-203000-bad-column-ab12',
  name: 'bad-column',
  fileName: 'bad-column.csv',
  format: 'csv',
  createdAt: '2026-11-27T20:30:00.000Z',
  n: 2,
  d: 2,
  featureNames: ['temp', 'pressure'],
  labelName: 'machine',
  classes: ['A', 'C'],
  cleaning: 'dropped 3 rows with missing or non-numeric values (2 of 5 kept)'
}

/** INFO viewed: the engine's summary of its two kept rows (temp 20.5, 22; pressure 1, 4) */
export const VIEW: DatasetView = {
  info: INFO,
  columns: [
    { index: 0, name: 'temp', numeric: true, missing: 0, nonNumeric: 0, examples: [], min: 20.5, max: 22, mean: 21.25, std: Math.sqrt(1.125) },
    { index: 1, name: 'pressure', numeric: true, missing: 0, nonNumeric: 0, examples: [], min: 1, max: 4, mean: 2.5, std: Math.sqrt(4.5) },
    { index: 2, name: 'machine', numeric: false, missing: 0, nonNumeric: 0, examples: [], distinct: 2 }
  ],
  head: [
    ['20.5', '1', 'A'],
    ['22', '4', 'C']
  ],
  classCounts: [1, 1]
}

const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value })

export function createDataMockApi() {
  const base = createMockApi()
  const api = {
    ...base.api,
    'data.preview': vi.fn<(r: { name: string; content: string }) => Promise<Result<DataPreview>>>(() => ok(PREVIEW)),
    'data.import': vi.fn<(r: unknown) => Promise<Result<DatasetInfo>>>(() => ok(INFO)),
    'data.list': vi.fn<(r: unknown) => Promise<Result<DatasetInfo[]>>>(() => ok([])),
    'data.get': vi.fn<(r: { id: string }) => Promise<Result<DatasetView>>>(() => ok(VIEW)),
    'data.update': vi.fn<(r: { id: string; name: string }) => Promise<Result<DatasetInfo>>>((r) => ok({ ...INFO, name: r.name })),
    'data.trash': vi.fn<(r: { id: string }) => Promise<Result<{ id: string }>>>((r) => ok({ id: r.id })),
    'data.restore': vi.fn<(r: { id: string }) => Promise<Result<DatasetInfo>>>(() => ok(INFO))
  }
  return { ...base, api }
}
