// Test doubles for the renderer: a mock of '@/api' whose job events the test drives by hand, and
// fixtures of a run manifest and its trajectories shaped like the engine's.
import { vi } from 'vitest'
import type { EngineInfo, JobEvent, Result, TrajectoryData } from '@shared/contract'
import type { DepthMetrics, RunManifest, RunSummary } from '@shared/run'
import type { SpecResult } from '@shared/experiment'
import type { DatasetInfo, MixtureFit } from '@shared/dataset'
import { parseSpec } from '@shared/experiment'

export function createMockApi() {
  const listeners = new Set<(e: JobEvent) => void>()
  const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value })
  const api = {
    'engine.info': vi.fn<(r: unknown) => Promise<Result<EngineInfo>>>(() =>
      ok({ appVersion: '0.1.0', backend: 'wasm', available: ['wasm', 'cpu'], mode: 'browser', workspace: '/tmp/ws' })
    ),
    'spec.validate': vi.fn<(r: { spec: unknown }) => Promise<Result<SpecResult>>>(),
    'runs.start': vi.fn<(r: { spec: unknown }) => Promise<Result<{ jobId: string }>>>(() => ok({ jobId: 'job-1' })),
    'jobs.cancel': vi.fn<(r: { jobId: string }) => Promise<Result<{ cancelled: boolean }>>>(() => ok({ cancelled: true })),
    'runs.list': vi.fn<(r: unknown) => Promise<Result<RunSummary[]>>>(() => ok([])),
    'runs.get': vi.fn<(r: { id: string }) => Promise<Result<RunManifest>>>(),
    'runs.trajectories': vi.fn<(r: { id: string }) => Promise<Result<TrajectoryData>>>(),
    // screens that name imported datasets (the report, the wizards) list them
    'data.list': vi.fn<(r: unknown) => Promise<Result<DatasetInfo[]>>>(() => ok([])),
    // the continuous DAE of a dataset: the mixture the engine fits (here a fixed one with t* = 0.25)
    'data.fitMixture': vi.fn<(r: { id: string; columns: number[]; components?: number; seed: number }) => Promise<Result<MixtureFit>>>((r) =>
      ok({
        components: r.components ?? 1,
        rows: 178,
        totalRows: 178,
        logLikelihood: -2.5,
        iterations: 7,
        converged: true,
        tStar: 0.25,
        weights: [1],
        means: [r.columns.map(() => 0)],
        covariances: [r.columns.map((_, i) => r.columns.map((__, j) => (i === j ? 0.5 : 0)))]
      })
    ),
    onJobEvent: vi.fn((l: (e: JobEvent) => void) => {
      listeners.add(l)
      return () => listeners.delete(l)
    })
  }
  const emit = (e: JobEvent): void => listeners.forEach((l) => l(e))
  return { api, emit, listeners }
}

export const SPEC_47 = {
  version: 1,
  name: 'paper-47 continuous-dae',
  seed: 7,
  distribution: { kind: 'preset', name: 'paper-47' },
  particles: { kind: 'sample', count: 2000 },
  flow: { kind: 'continuous-dae' },
  integration: { solver: 'rk4', depth: 0.45, stepSize: 0.005, samples: 46 }
}

/** A manifest whose metrics are simple known functions of depth, so chart series can be checked. */
export function manifestFixture(id = 'run-1', samples = 4, depth = 0.3): RunManifest {
  const r = parseSpec({ ...SPEC_47, integration: { ...SPEC_47.integration, depth, samples } })
  if (!r.ok) throw new Error('fixture spec invalid')
  const depths = Array.from({ length: samples }, (_, i) => (depth * i) / (samples - 1))
  const metrics: DepthMetrics[] = depths.map((t) => ({
    depth: t,
    mean: [0, 0],
    covariance: [
      [1, 0],
      [0, 1]
    ],
    entropy: 3 - t,
    entropyMethod: 'knn',
    slicedW2ToInput: t * t,
    w2AxisToInput: [t, t]
  }))
  return {
    format: 'nagare-run',
    formatVersion: 1,
    id,
    name: `run ${id}`,
    status: 'complete',
    createdAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:00:01.000Z',
    appVersion: '0.1.0',
    backend: 'wasm',
    spec: r.spec,
    dimension: 2,
    particleCount: 3,
    depths,
    labels: 'component',
    solverStats: { nfe: 240, acceptedSteps: 60, rejectedSteps: 0, wallSeconds: 0.5 },
    metrics,
    summary: { entropyStart: 3, entropyEnd: 3 - depth, slicedW2End: depth * depth, singularTime: 0.5 },
    notes: ['a note from the engine'],
    files: { trajectories: 'trajectories.npy', metrics: 'metrics.csv' }
  }
}

export function trajectoriesFixture(samples = 4): TrajectoryData {
  const n = 3
  const d = 2
  return {
    shape: [samples, n, d],
    depths: Array.from({ length: samples }, (_, i) => i / (samples - 1)),
    data: new Float32Array(samples * n * d).map((_, i) => i / 10),
    labels: new Int32Array([0, 1, 1])
  }
}

/** Let pending promise callbacks (mocked api calls) run. */
export const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
}
