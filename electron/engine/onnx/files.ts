// Reading a .onnx file from disk under the size cap (ONNX_LIMITS.maxModelBytes), before any parsing.
import { ONNX_LIMITS } from '../../../shared/onnx'
import { message } from '../../../shared/messages'
import { EngineError } from '../errors'
import { readFileChecked } from '../layers/read-checked'

export async function readOnnxFile(path: string): Promise<Uint8Array> {
  const bytes = await readFileChecked(path, (size) => {
    if (size === 0) throw new EngineError('invalid-request', message('import.fileEmpty', { file: path }))
    if (size > ONNX_LIMITS.maxModelBytes)
      throw new EngineError('invalid-request', message('onnx.tooLarge', { file: path, size, max: ONNX_LIMITS.maxModelBytes }))
  })
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
