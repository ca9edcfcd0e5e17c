// Saved studies: <workspace>/studies/<id>/study.json, written atomically (temporary file, fsync, rename);
// listed newest first, unreadable ones listed with the problem and never deleted.
import { mkdir, readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { StudyResult, StudySummary } from '../../../shared/study'
import { EngineError } from '../errors'
import { detailOf } from '../io-messages'
import { insideWorkspace, OutsideWorkspaceError } from '../inside-workspace'
import { isRunId } from '../runs/ids'
import { type Message, message } from '../../../shared/messages'
import { parseJson } from '../../../shared/json-depth'

export const STUDY_FILE = 'study.json'

function problemOf(value: unknown): Message | null {
  if (typeof value !== 'object' || value === null) return message('runs.studyNotObject')
  const v = value as Partial<StudyResult>
  if (typeof v.name !== 'string' || typeof v.createdAt !== 'string') return message('runs.studyNoName')
  if (!v.sweep || !Array.isArray(v.points)) return message('runs.studyNoPoints')
  return null
}

export class StudyStore {
  readonly root: string

  constructor(readonly workspace: string) {
    this.root = join(workspace, 'studies')
  }

  async save(study: StudyResult): Promise<string> {
    if (!isRunId(study.id)) throw new EngineError('internal', message('runs.invalidStudyId', { id: study.id }))
    const dir = join(this.root, study.id)
    await insideWorkspace(this.workspace, join(dir, STUDY_FILE))
    await mkdir(dir, { recursive: true })
    await writeFileAtomic(join(dir, STUDY_FILE), JSON.stringify(study, null, 1) + '\n', { fsync: true })
    return study.id
  }

  private async read(id: string): Promise<{ ok: true; study: StudyResult } | { ok: false; problem: Message }> {
    let text: string
    try {
      text = await readFile(await insideWorkspace(this.workspace, join(this.root, id, STUDY_FILE)), 'utf8')
    } catch (e) {
      if (e instanceof OutsideWorkspaceError) return { ok: false, problem: e.msg }
      return {
        ok: false,
        problem: (e as NodeJS.ErrnoException).code === 'ENOENT' ? message('runs.studyMissing') : message('runs.studyUnreadableFile', { detail: detailOf(e) })
      }
    }
    let value: unknown
    try {
      value = parseJson(text)
    } catch {
      return { ok: false, problem: message('runs.studyNotJson') }
    }
    const problem = problemOf(value)
    return problem ? { ok: false, problem } : { ok: true, study: { ...(value as StudyResult), id } }
  }

  async list(): Promise<StudySummary[]> {
    let names: string[]
    try {
      names = (await readdir(this.root, { withFileTypes: true })).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw e
    }
    const out = await Promise.all(
      names.filter(isRunId).map(async (id): Promise<StudySummary> => {
        const r = await this.read(id)
        if (!r.ok) {
          const mtime = await stat(join(this.root, id)).then(
            (s) => s.mtime.toISOString(),
            () => new Date(0).toISOString()
          )
          return { id, name: id, createdAt: mtime, status: 'unreadable', problem: r.problem }
        }
        return { id, name: r.study.name, createdAt: r.study.createdAt, status: 'complete', parameter: r.study.sweep.parameter, points: r.study.points.length }
      })
    )
    return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
  }

  async get(id: string): Promise<StudyResult> {
    if (!isRunId(id)) throw new EngineError('not-found', message('runs.noStudy', { id: JSON.stringify(id).slice(0, 140) }))
    const exists = await stat(join(this.root, id)).then(
      (s) => s.isDirectory(),
      () => false
    )
    if (!exists) throw new EngineError('not-found', message('runs.noStudy', { id }))
    const r = await this.read(id)
    if (!r.ok) throw new EngineError('unreadable-run', message('runs.studyUnreadable', { id, problem: r.problem }))
    return r.study
  }
}
