// A small valid run (manifest + arrays) for the run-store tests, built by hand.
import { parseSpec } from '../../../../shared/experiment'
import type { DepthMetrics, RunManifest } from '../../../../shared/run'
import type { RunContent } from '../../../../electron/engine/runs/run-folder'

export function smallRun(id: string, createdAt = '2026-11-27T18:15:00.000Z', n = 4): RunContent {
  const parsed = parseSpec({
    version: 1,
    name: 'paper 47 small',
    distribution: { kind: 'preset', name: 'paper-47' },
    particles: { kind: 'sample', count: n },
    flow: { kind: 'continuous-dae' },
    integration: { solver: 'rk4', depth: 0.1, stepSize: 0.05, samples: 3 }
  })
  if (!parsed.ok) throw new Error('fixture spec invalid')
  const depths = [0, 0.05, 0.1]
  const metrics: DepthMetrics[] = depths.map((depth, s) => ({
    depth,
    mean: [0.1 * s, 0],
    covariance: [
      [1, 0.1],
      [0.1, 2]
    ],
    entropy: 3 - s * 0.1,
    entropyMethod: 'knn',
    slicedW2ToInput: s * 0.01,
    w2AxisToInput: [s * 0.02, s * 0.005]
  }))
  const manifest: RunManifest = {
    format: 'nagare-run',
    formatVersion: 1,
    id,
    name: 'paper 47 small',
    status: 'complete',
    createdAt,
    finishedAt: createdAt,
    appVersion: '0.1.0',
    backend: 'cpu',
    spec: parsed.spec,
    dimension: 2,
    particleCount: n,
    depths,
    labels: 'component',
    solverStats: { nfe: 8, acceptedSteps: 2, rejectedSteps: 0, wallSeconds: 0.01 },
    metrics,
    summary: { entropyStart: 3, entropyEnd: 2.8, slicedW2End: 0.02, singularTime: 0.5 },
    notes: [],
    files: { trajectories: 'trajectories.npy', metrics: 'metrics.csv', labels: 'labels.npy' }
  }
  const trajectories = new Float32Array(3 * n * 2).map((_, k) => k * 0.25 - 1)
  const labels = new Int32Array(n).map((_, i) => i % 2)
  return { manifest, trajectories, labels }
}
