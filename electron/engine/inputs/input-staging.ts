// Model input files sent from the app (the renderer has no file system): the images of a picked folder,
// or one .npy/.npz, written under a random token into a temporary folder outside the workspace, in as
// many inputs.stage calls as the message cap needs. Bounded: bytes and files per token, a few tokens at
// once (oldest removed first), each removed after TTL_MS or when its analysis has read it.
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { MAX_IMAGES } from '../../../shared/image-data'
import { type Message, message } from '../../../shared/messages'
import { EngineError } from '../errors'

export const STAGED_TTL_MS = 30 * 60 * 1000
export const MAX_STAGED_INPUTS = 2
/** bytes of files staged under one token */
export const MAX_STAGED_BYTES = 2 * 1024 ** 3

interface Entry {
  dir: string
  names: Set<string>
  bytes: number
  expires: number
}

export interface StagedInput {
  /** the folder holding the files (their relative paths kept) */
  dir: string
  names: string[]
}

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)

export class InputStaging {
  private readonly items = new Map<string, Entry>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Add files under `token` (a new token when absent); names are relative paths checked by the contract. */
  async add(token: string | undefined, files: { name: string; bytes: Uint8Array }[]): Promise<{ token: string; files: number; bytes: number }> {
    await this.sweep()
    let entry = token ? this.items.get(token) : undefined
    if (token && !entry) throw new EngineError('not-found', message('import.uploadExpired'))
    if (!token) {
      while (this.items.size >= MAX_STAGED_INPUTS) await this.drop(this.items.keys().next().value!)
      token = randomBytes(18).toString('base64url')
      entry = { dir: await mkdtemp(join(tmpdir(), 'nagare-inputs-')), names: new Set(), bytes: 0, expires: 0 }
      this.items.set(token, entry)
    }
    const e = entry!
    for (const f of files) {
      if (e.names.has(f.name)) throw invalid(message('import.uploadTwice', { name: f.name }))
      if (e.names.size + 1 > MAX_IMAGES)
        throw invalid(message('imgui.folderTooManyImages', { path: message('import.theUpload'), count: e.names.size + 1, max: MAX_IMAGES }))
      if (e.bytes + f.bytes.byteLength > MAX_STAGED_BYTES) throw invalid(message('imgui.stagedTooLarge', { max: MAX_STAGED_BYTES }))
      const path = join(e.dir, ...f.name.split('/'))
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, f.bytes)
      e.names.add(f.name)
      e.bytes += f.bytes.byteLength
    }
    e.expires = this.now() + STAGED_TTL_MS
    return { token, files: e.names.size, bytes: e.bytes }
  }

  async get(token: string): Promise<StagedInput> {
    await this.sweep()
    const e = this.items.get(token)
    if (!e) throw new EngineError('not-found', message('import.uploadExpired'))
    return { dir: e.dir, names: [...e.names] }
  }

  async drop(token: string): Promise<void> {
    const e = this.items.get(token)
    this.items.delete(token)
    if (e) await rm(e.dir, { recursive: true, force: true })
  }

  async dispose(): Promise<void> {
    for (const t of [...this.items.keys()]) await this.drop(t)
  }

  private async sweep(): Promise<void> {
    const t = this.now()
    for (const [k, e] of this.items) if (e.expires <= t && e.expires > 0) await this.drop(k)
  }
}
