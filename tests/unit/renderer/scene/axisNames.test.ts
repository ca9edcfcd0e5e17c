// Axis names from the data: the dataset source is found wherever a spec keeps it (a training data
// source, a distribution), and its columns name the axes; built-in data keeps x, y, z.
import { describe, expect, it } from 'vitest'
import { datasetAxisNames, datasetSource } from '@/scene/axisNames'
import type { DatasetInfo } from '@shared/dataset'

const info = (id: string, featureNames: string[]): DatasetInfo =>
  ({ id, name: id, fileName: `${id}.csv`, format: 'csv', createdAt: '2026-01-01T00:00:00Z', n: 5, d: featureNames.length, featureNames }) as DatasetInfo

describe('axis names from the dataset columns', () => {
  const sets = [info('sensors', ['temp', 'pressure', 'flow', 'speed']), info('other', ['a', 'b'])]

  it('finds the dataset source nested in a spec and takes its first three columns', () => {
    const spec = { flow: { kind: 'neural-ode', data: { kind: 'dataset', id: 'sensors' } }, name: 'x' }
    expect(datasetSource(spec)).toBe('sensors')
    expect(datasetAxisNames(spec, sets)).toEqual(['temp', 'pressure', 'flow'])
    expect(datasetAxisNames({ distribution: { kind: 'dataset', id: 'other' } }, sets)).toEqual(['a', 'b'])
  })

  it('keeps the default names for built-in data or an unknown dataset', () => {
    expect(datasetAxisNames({ distribution: { kind: 'preset', name: 'paper-47' } }, sets)).toBeUndefined()
    expect(datasetAxisNames({ data: { kind: 'builtin', name: 'moons' } }, sets)).toBeUndefined()
    expect(datasetAxisNames({ data: { kind: 'dataset', id: 'gone' } }, sets)).toBeUndefined()
    expect(datasetSource(null)).toBeNull()
  })
})
