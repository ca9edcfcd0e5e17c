// The renderer's mock api (helpers.ts) plus the history, settings and diagnostics methods, each a vi.fn
// with a plausible default answer that a test overrides.
import { vi } from 'vitest'
import type { Result } from '@shared/contract'
import type { RunSummary } from '@shared/run'
import type { LayerAnalysisSummary } from '@shared/layers'
import { DEFAULT_SETTINGS, type SettingsPatch, type SettingsState } from '@shared/settings'
import { createMockApi } from '../helpers'
import { message } from '@shared/messages'

const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value })

export function createFullMockApi() {
  const base = createMockApi()
  const api = {
    ...base.api,
    'runs.update': vi.fn<(r: { id: string; name?: string; tags?: string[] }) => Promise<Result<RunSummary>>>((r) =>
      ok({ id: r.id, name: r.name ?? 'unchanged', createdAt: '2025-01-01T00:00:00Z', status: 'complete', tags: r.tags ?? [] })
    ),
    'runs.trash': vi.fn<(r: { id: string }) => Promise<Result<{ id: string }>>>((r) => ok({ id: r.id })),
    'runs.restore': vi.fn<(r: { id: string }) => Promise<Result<{ id: string }>>>((r) => ok({ id: r.id })),
    'runs.archive': vi.fn<(r: { id: string }) => Promise<Result<{ fileName: string; data: Uint8Array }>>>((r) =>
      ok({ fileName: `${r.id}.zip`, data: new Uint8Array([0x50, 0x4b, 3, 4]) })
    ),
    'settings.get': vi.fn<(r: unknown) => Promise<Result<SettingsState>>>(() => ok({ settings: { ...DEFAULT_SETTINGS } })),
    'settings.set': vi.fn<(r: { settings: SettingsPatch }) => Promise<Result<SettingsState>>>((r) => ok({ settings: { ...DEFAULT_SETTINGS, ...r.settings } })),
    'layers.list': vi.fn<(r: { trash?: boolean }) => Promise<Result<LayerAnalysisSummary[]>>>(() => ok([])),
    'layers.update': vi.fn<(r: { id: string; name?: string; tags?: string[] }) => Promise<Result<LayerAnalysisSummary>>>((r) =>
      ok({ id: r.id, name: r.name ?? 'unchanged', createdAt: '2025-01-01T00:00:00Z', status: 'complete', ...(r.tags?.length ? { tags: r.tags } : {}) })
    ),
    'layers.trash': vi.fn<(r: { id: string }) => Promise<Result<{ id: string }>>>((r) => ok({ id: r.id })),
    'layers.restore': vi.fn<(r: { id: string }) => Promise<Result<{ id: string }>>>((r) => ok({ id: r.id })),
    'diagnostics.get': vi.fn<(r: unknown) => Promise<Result<{ text: string }>>>(() => ok({ text: 'Nagare 0.1.0\nbackend wasm' }))
  }
  return { ...base, api }
}

export type FullMock = ReturnType<typeof createFullMockApi>

/** Runs as the engine lists them: two complete, one unreadable, one set aside. */
export function historyFixture(): RunSummary[] {
  return [
    {
      id: 'r-old',
      name: 'Paper 47 baseline',
      createdAt: '2025-01-01T09:00:00Z',
      status: 'complete',
      template: 'dae',
      tags: ['paper'],
      backend: 'wasm',
      entropyStart: 3.1234,
      entropyEnd: 2.5,
      flow: 'continuous-dae',
      depth: 0.45,
      solver: 'rk4',
      stepSize: 0.005,
      nfe: 360
    },
    {
      id: 'r-new',
      name: 'Swiss roll deep',
      createdAt: '2025-03-01T09:00:00Z',
      status: 'complete',
      template: 'train',
      tags: ['roll', 'deep'],
      backend: 'cpu',
      entropyStart: 1,
      entropyEnd: 0.5,
      flow: 'neural-ode',
      depth: 1,
      solver: 'dopri5',
      nfe: 1234,
      accuracy: 0.925
    },
    { id: 'r-bad', name: '', createdAt: '2025-02-01T09:00:00Z', status: 'unreadable', problem: message('runs.manifestNotJson', { detail: 'line 1' }) },
    { id: 'r-half', name: 'half written', createdAt: 'not a date', status: 'incomplete' }
  ]
}
