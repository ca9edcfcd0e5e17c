// Run folders across the notes' format change. A folder written by 0.1.0 (tests/fixtures/runs-0.1.0: a
// real run of this code with its run.json rewritten to the 0.1.0 shape, notes and flag texts as English
// strings) still opens through the run store, lists as complete and keeps its notes as written; a run
// written now keeps each note as a Message with its English beside it, and that English is exactly what
// 0.1.0 wrote for the same spec and seed.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { english, isMessageValue, type StoredMessage } from '../../../../shared/messages'
import { legacyText } from '../../../../shared/messages/legacy'
import { RUN_FORMAT_VERSION, RunManifestSchema, type RunManifest } from '../../../../shared/run'
import { initBackend } from '../../../../electron/engine/backend'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { runExperiment } from '../../../../electron/engine/jobs/runner'
import { RunStore } from '../../../../electron/engine/runs/store'

const LEGACY_ID = '20261206-114907-legacy-0-1-0-notes-3929'
const FIXTURE = resolve(__dirname, '../../../fixtures/runs-0.1.0', LEGACY_ID)
let ws: string
let store: RunStore
let legacy: RunManifest

/** A 0.1.0 English text with its whole numbers of five digits or more grouped, as Messages render them now. */
function grouped(text: string): string {
  return text.replace(/(?<![\d.,])\d{5,}(?![\d,]|\.\d)/g, (n) => Number(n).toLocaleString('en-US'))
}

beforeAll(async () => {
  ws = await mkdtemp(join(tmpdir(), 'nagare-legacy-run-'))
  store = new RunStore(ws)
  await cp(FIXTURE, join(store.root, LEGACY_ID), { recursive: true })
  legacy = JSON.parse(await readFile(join(FIXTURE, 'run.json'), 'utf8')) as RunManifest
})
afterAll(() => rm(ws, { recursive: true, force: true }))

describe('a run folder written by 0.1.0', () => {
  it('is the 0.1.0 shape: version 1, notes and flag texts as plain strings', () => {
    expect(legacy.formatVersion).toBe(1)
    expect(legacy.notes.length).toBeGreaterThan(0)
    expect(legacy.notes.every((n) => typeof n === 'string')).toBe(true)
    expect(legacy.flags!.every((f) => typeof f.message === 'string' && typeof f.remedy === 'string')).toBe(true)
  })

  it('opens through the run store and lists as complete, its notes and flags as written', async () => {
    const m = await store.get(LEGACY_ID)
    expect(m.formatVersion).toBe(1)
    expect(m.notes).toEqual(legacy.notes)
    expect(m.flags).toEqual(legacy.flags)
    const listed = (await store.list()).find((s) => s.id === LEGACY_ID)
    expect(listed?.status).toBe('complete')
    // the trajectories still match the manifest
    const t = await store.trajectories(LEGACY_ID)
    expect(t.shape).toEqual([m.depths.length, m.particleCount, m.dimension])
  })

  it('its notes read back into Japanese through the legacy fallback', () => {
    for (const note of legacy.notes as string[]) {
      const ja = legacyText(note, 'ja')
      expect(ja, note).not.toBe(note)
      expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
    }
  })

  it('a version-2 manifest with a plain-string note is refused (only 0.1.0 may have them)', () => {
    const bad = { ...legacy, formatVersion: RUN_FORMAT_VERSION }
    expect(RunManifestSchema.safeParse(bad).success).toBe(false)
  })
})

describe('a run written now', () => {
  beforeAll(async () => {
    await initBackend('wasm')
  })

  it('round-trips its notes as Messages with the English text beside them, the same English 0.1.0 wrote', async () => {
    // the fixture's own spec and seed, run by this code
    const content = await runExperiment(legacy.spec, { ctx: createJobContext(new AbortController().signal), backend: 'wasm', appVersion: 'test' })
    const id = await store.save(content)
    const raw = JSON.parse(await readFile(join(store.root, id, 'run.json'), 'utf8')) as {
      formatVersion: number
      notes: StoredMessage[]
      flags: { message: StoredMessage; remedy: StoredMessage }[]
    }
    expect(raw.formatVersion).toBe(RUN_FORMAT_VERSION)
    expect(raw.notes).toHaveLength(legacy.notes.length)
    for (const note of [...raw.notes, ...raw.flags.flatMap((f) => [f.message, f.remedy])]) {
      expect(isMessageValue(note), JSON.stringify(note)).toBe(true)
      expect(note.text).toBe(english(note))
    }
    // what a person reads in the file is what 0.1.0 wrote there, except that whole numbers of five digits
    // or more are now grouped (20000 -> 20,000), on purpose
    expect(raw.notes.map((n) => n.text)).toEqual((legacy.notes as string[]).map(grouped))
    expect(raw.flags.map((f) => [f.message.text, f.remedy.text])).toEqual(legacy.flags!.map((f) => [grouped(f.message as string), grouped(f.remedy as string)]))
    // and the store gives back the same Messages it was handed
    const back = await store.get(id)
    expect(back.notes).toEqual(content.manifest.notes)
    expect(back.flags).toEqual(content.manifest.flags)
  }, 60_000)
})
