// Storage of the per-depth analysis: older run.json files (without the new fields) still parse, new
// rows and the manifest's depthAnalysis round-trip through JSON, and metrics.csv gets the new columns
// only when they were recorded (with empty cells for undefined values such as the speed at depth 0).
import { describe, expect, it } from 'vitest'
import { metricsCsv, metricsCsvHeader } from '../../../../electron/engine/runs/metrics-csv'
import { DepthMetricsSchema, RunManifestSchema, type DepthMetrics } from '../../../../shared/run'
import { smallRun } from '../runs/manifest-fixture'

const OLD_ROW = {
  depth: 0,
  mean: [0, 0],
  covariance: [
    [1, 0],
    [0, 1]
  ],
  entropy: 2.8,
  entropyMethod: 'knn',
  slicedW2ToInput: 0,
  w2AxisToInput: [0, 0]
}

function newRows(): DepthMetrics[] {
  return [0, 0.1].map((depth, k) => ({
    ...(OLD_ROW as DepthMetrics),
    depth,
    slicedW2Step: k ? 0.05 : null,
    speed: k ? 0.5 : null,
    meanSquaredVelocity: 0.25 + k,
    kineticEnergy: 0.1 * k,
    pathLength: 0.04 * k,
    mergedFraction: 0,
    separability: 0.5,
    sigmas: [1.5, 1],
    gradientFlowSigmas: [1.5, k ? null : 1]
  }))
}

describe('per-depth analysis storage', () => {
  it('a run.json written before the analysis existed still parses, unchanged', () => {
    const old = JSON.parse(JSON.stringify(smallRun('old').manifest))
    expect(old.depthAnalysis).toBeUndefined()
    expect('speed' in old.metrics[0]).toBe(false)
    expect(RunManifestSchema.parse(old)).toEqual(old)
    expect(DepthMetricsSchema.parse(OLD_ROW)).toEqual(OLD_ROW)
  })

  it('new rows and constants round-trip through JSON; wrong types are refused', () => {
    const m = smallRun('new').manifest
    const withAnalysis = {
      ...m,
      metrics: newRows().concat({ ...newRows()[1], depth: 0.1 }),
      depthAnalysis: {
        velocityMethod: 'field',
        velocityPoints: 4,
        slicedPoints: 4,
        merging: { pairs: 10, startRatio: 0.1, endRatio: 0.01, inputMedianDistance: 1.2, apartPairs: 9 },
        separabilityClasses: 2,
        gaussianShape: false
      }
    }
    const json = JSON.parse(JSON.stringify(withAnalysis))
    expect(RunManifestSchema.parse(json)).toEqual(withAnalysis)
    expect(DepthMetricsSchema.safeParse({ ...OLD_ROW, speed: 'fast' }).success).toBe(false)
    expect(RunManifestSchema.safeParse({ ...json, depthAnalysis: { ...json.depthAnalysis, velocityMethod: 'guess' } }).success).toBe(false)
  })

  it('metrics.csv: old rows keep the old header; new rows add the analysis columns with empty undefined cells', () => {
    expect(metricsCsvHeader(2, [OLD_ROW as DepthMetrics])).toEqual(metricsCsvHeader(2))
    const lines = metricsCsv(newRows(), 2).trim().split('\n')
    expect(lines[0]).toBe(
      'depth,mean_0,mean_1,cov_0_0,cov_0_1,cov_1_1,entropy,entropy_method,sliced_w2_to_input,w2_axis_0,w2_axis_1,' +
        'sliced_w2_step,speed,mean_sq_velocity,kinetic_energy,path_length,merged_fraction,separability,sigma_0,sigma_1,gradient_flow_sigma_0,gradient_flow_sigma_1'
    )
    expect(lines[1]).toBe('0,0,0,1,0,1,2.8,knn,0,0,0,,,0.25,0,0,0,0.5,1.5,1,1.5,1')
    expect(lines[2]).toBe('0.1,0,0,1,0,1,2.8,knn,0,0,0,0.05,0.5,1.25,0.1,0.04,0,0.5,1.5,1,1.5,')
  })
})
