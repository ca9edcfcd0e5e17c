// Reading a saved analyze request (the JSON the wizard's review step shows and saves) back into the
// wizard: checked with the contract's own schema for layers.start, plus the renderer's list of built-in
// datasets. The files' bytes are never in the file, only their names: those must be picked again.
import { METHODS } from '@shared/contract'
import { message, zodIssuesMessage, type MessageParam } from '@shared/messages'
import { BUILTIN_DATASETS, type BuiltinName, type StartRequest } from './request'

export type RequestJsonResult =
  | { ok: true; request: StartRequest; fileNames: string[] }
  /** detail: the JSON parser's own words, or (schema) a Message naming the field and what is wrong with it */
  | { ok: false; problem: 'json' | 'schema'; detail: MessageParam }

const isBuiltin = (name: string): name is BuiltinName => (BUILTIN_DATASETS as readonly string[]).includes(name)

/** Parse and validate a request file's text. */
export function parseRequestJson(text: string): RequestJsonResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return { ok: false, problem: 'json', detail: e instanceof Error ? e.message : String(e) }
  }
  const parsed = METHODS['layers.start'].safeParse(json)
  if (!parsed.success) return { ok: false, problem: 'schema', detail: zodIssuesMessage(parsed.error.issues, '(top)') }
  const request = parsed.data
  if (request.source === 'tfjs-model') {
    const d = request.data
    if (!d) return { ok: false, problem: 'schema', detail: message('errmsg.fieldIssue', { field: 'data', issue: message('import.modelNeedsData') }) }
    if (d.kind === 'builtin' && !isBuiltin(d.name))
      return {
        ok: false,
        problem: 'schema',
        detail: message('errmsg.fieldIssue', {
          field: 'data.name',
          issue: message('import.unknownBuiltin', { name: d.name, names: BUILTIN_DATASETS.join(', ') })
        })
      }
  }
  return { ok: true, request, fileNames: request.files.map((f) => f.name) }
}

/** The name as a built-in dataset (parseRequestJson has checked it). */
export const asBuiltin = (name: string): BuiltinName => (isBuiltin(name) ? name : 'moons')
