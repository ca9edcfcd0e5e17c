// The user's settings in <userData>/settings.json: validated by shared/settings.ts, written atomically
// (write-file-atomic: a temporary file, fsync, rename), and an unreadable or invalid file is set aside as
// settings.json.unreadable-<time> with defaults in use and a notice in plain words. Never throws on read.
import { readFileSync } from 'node:fs'
import { mkdir, readFile, rename } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsPatch, type SettingsState } from '../../../shared/settings'
import { EngineError } from '../errors'
import { insideWorkspace, insideWorkspaceSync, OutsideWorkspaceError } from '../inside-workspace'
import { message, zodIssuesMessage, type Message } from '../../../shared/messages'
import { parseJson } from '../../../shared/json-depth'

export const SETTINGS_FILE = 'settings.json'
/** settings that the running engine took at start; a change waits for a restart */
const RESTART_KEYS = ['backend', 'workspace'] as const

export type WriteText = (path: string, text: string) => Promise<void>
const atomicWrite: WriteText = (path, text) => writeFileAtomic(path, text, { fsync: true })

type ReadResult = { kind: 'ok'; settings: Settings } | { kind: 'missing' } | { kind: 'bad'; problem: Message }

function readError(e: unknown): ReadResult {
  if (e instanceof OutsideWorkspaceError) return { kind: 'bad', problem: e.msg }
  const code = (e as NodeJS.ErrnoException).code
  return code === 'ENOENT' ? { kind: 'missing' } : { kind: 'bad', problem: message('runs.settingsUnreadable', { detail: code ?? String(e) }) }
}

async function readSettingsFile(file: string): Promise<ReadResult> {
  let text: string
  try {
    text = await readFile(await insideWorkspace(dirname(file), file), 'utf8')
  } catch (e) {
    return readError(e)
  }
  return parseSettingsText(text)
}

function parseSettingsText(text: string): ReadResult {
  let json: unknown
  try {
    json = parseJson(text)
  } catch {
    return { kind: 'bad', problem: message('runs.settingsNotJson') }
  }
  const r = SettingsSchema.safeParse(json)
  if (!r.success)
    return {
      kind: 'bad',
      problem: message('runs.settingsInvalidValues', {
        paths: r.error.issues
          .slice(0, 2)
          .map((i) => i.path.join('.') || '(root)')
          .join(', ')
      })
    }
  return { kind: 'ok', settings: r.data }
}

/**
 * Read the settings without side effects, synchronously (start-up, before the engine exists): defaults
 * when missing or bad. The engine's SettingsStore is the one that sets a bad file aside with a notice.
 */
export function peekSettings(userData: string): Settings {
  let r: ReadResult
  try {
    r = parseSettingsText(readFileSync(insideWorkspaceSync(userData, join(userData, SETTINGS_FILE)), 'utf8'))
  } catch (e) {
    r = readError(e)
  }
  return r.kind === 'ok' ? r.settings : { ...DEFAULT_SETTINGS }
}

const stamp = (d: Date): string => d.toISOString().replace(/[:.]/g, '-')

export class SettingsStore {
  readonly file: string
  private loaded: Promise<void> | undefined
  private current: Settings = { ...DEFAULT_SETTINGS }
  /** what the engine started with: restart-bound keys are compared against these */
  private atStart: Settings = { ...DEFAULT_SETTINGS }
  private notice: Message | undefined
  /** the last set() in flight: each patch merges into what the one before it wrote */
  private writing: Promise<unknown> = Promise.resolve()

  constructor(
    readonly userData: string,
    /** the running engine's backend and workspace: a setting equal to them needs no restart */
    private readonly running: { backend?: string; workspace?: string } = {},
    private readonly write: WriteText = atomicWrite
  ) {
    this.file = join(userData, SETTINGS_FILE)
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const r = await readSettingsFile(this.file)
      if (r.kind === 'ok') this.current = r.settings
      else if (r.kind === 'bad') {
        const aside = `${this.file}.unreadable-${stamp(new Date())}`
        const moved = await rename(this.file, aside).then(
          () => true,
          () => false
        )
        this.notice = moved
          ? message('runs.settingsSetAside', { problem: r.problem, file: aside })
          : message('runs.settingsNotSetAside', { problem: r.problem })
      }
      this.atStart = { ...this.current }
    })()
    return this.loaded
  }

  private state(): SettingsState {
    const pending = RESTART_KEYS.filter((k) => this.current[k] !== this.atStart[k] && !this.isRunning(k))
    return { settings: { ...this.current }, ...(this.notice ? { notice: this.notice } : {}), ...(pending.length ? { pendingRestart: [...pending] } : {}) }
  }

  private isRunning(key: (typeof RESTART_KEYS)[number]): boolean {
    const value = this.current[key]
    if (key === 'backend') return value !== 'auto' && value === this.running.backend
    return value !== '' && this.running.workspace !== undefined && resolve(value) === resolve(this.running.workspace)
  }

  async get(): Promise<SettingsState> {
    await this.load()
    return this.state()
  }

  /**
   * Merge a patch, validate, write atomically; the old file stays whole if the write fails. Calls run one
   * after another: two quick changes (language, then solver) must not both merge into the same old state.
   */
  set(patch: SettingsPatch): Promise<SettingsState> {
    const done = this.writing.then(() => this.apply(patch))
    this.writing = done.catch(() => undefined)
    return done
  }

  private async apply(patch: SettingsPatch): Promise<SettingsState> {
    await this.load()
    const next = SettingsSchema.safeParse({ ...this.current, ...patch })
    if (!next.success) throw new EngineError('invalid-request', message('runs.settingsInvalid', { issues: zodIssuesMessage(next.error.issues) }))
    try {
      await mkdir(this.userData, { recursive: true })
      await insideWorkspace(this.userData, this.file)
      await this.write(this.file, JSON.stringify(next.data, null, 2) + '\n')
    } catch (e) {
      if (e instanceof OutsideWorkspaceError) throw e
      const code = (e as NodeJS.ErrnoException).code
      throw new EngineError('io', code ? message('runs.settingsNotSavedCode', { code }) : message('runs.settingsNotSaved'))
    }
    this.current = next.data
    // the set-aside file is still there, but the user has now chosen settings: the notice has done its job
    this.notice = undefined
    return this.state()
  }
}
