// The real engine host entries, loaded through tsx, serving the real engine on a temporary workspace under
// the supervising proxy: worker.ts, and utility.ts given process.parentPort and argv as in Electron.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { EngineService } from '../../../shared/contract'
import { createProcessEngineService } from '../../../electron/host/supervisor'
import { workerSpawner } from '../../../electron/host/worker-channel'
import { hostArgs } from '../../../electron/host/protocol'

const loader = resolve(__dirname, 'fixtures/ts-worker.mjs')
const entry = resolve(__dirname, '../../../electron/host/worker.ts')
const utilityShim = resolve(__dirname, 'fixtures/utility-shim.mjs')
const utilityEntry = resolve(__dirname, '../../../electron/host/utility.ts')
let workspace: string
let service: EngineService

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'nagare-worker-'))
  service = createProcessEngineService(workerSpawner(loader, { entry, workspace, mode: 'browser', backend: 'cpu' } as never), { disposeTimeoutMs: 5000 })
})
afterAll(async () => {
  await service.dispose()
  rmSync(workspace, { recursive: true, force: true })
})

describe('electron/host/worker.ts', () => {
  it('serves the real engine: engine.info and runs.list on the workspace', async () => {
    expect(await service.call('engine.info', {})).toMatchObject({ ok: true, value: { mode: 'browser', backend: 'cpu', workspace } })
    expect(await service.call('runs.list', {})).toEqual({ ok: true, value: [] })
    const bad = await service.call('spec.validate', { spec: { version: 1 } })
    expect(bad.ok && bad.value.ok).toBe(false)
  })
})

describe('electron/host/utility.ts', () => {
  it('reads its configuration from argv and serves over process.parentPort', async () => {
    const spawn = workerSpawner(utilityShim, { entry: utilityEntry } as never, {
      argv: hostArgs({ workspace, mode: 'desktop', backend: 'cpu' })
    })
    const s = createProcessEngineService(spawn, { disposeTimeoutMs: 5000 })
    try {
      expect(await s.call('engine.info', {})).toMatchObject({ ok: true, value: { mode: 'desktop', backend: 'cpu', workspace } })
      expect(await s.call('runs.list', {})).toEqual({ ok: true, value: [] })
    } finally {
      await s.dispose()
    }
  })
})
