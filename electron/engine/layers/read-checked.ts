// Reading one of the user's layer files (a model part or an activation dump): it must be a plain file,
// and it is read only once its size has passed the caller's check; refusals name the path.
import { readFile, stat } from 'node:fs/promises'
import { type Message, message } from '../../../shared/messages'
import { EngineError } from '../errors'

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)

/** The file's bytes; `checkSize` throws (an EngineError) for a size the caller refuses. */
export async function readFileChecked(path: string, checkSize: (size: number) => void): Promise<Buffer> {
  let size: number
  try {
    const s = await stat(path)
    if (!s.isFile()) throw invalid(message('import.notAFile', { path }))
    size = s.size
  } catch (e) {
    if (e instanceof EngineError) throw e
    throw invalid(message('import.cannotRead', { path, detail: (e as Error).message }))
  }
  checkSize(size)
  return readFile(path)
}
