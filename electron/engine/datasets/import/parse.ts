// One entry point for an uploaded file: size caps, then the reader chosen by extension (or by the NumPy
// and ZIP signatures when the extension says nothing). Any failure is an EngineError with a reason.
import { LIMITS } from '../../../../shared/limits'
import { message } from '../../../../shared/messages'
import { EngineError } from '../../errors'
import { parseNpy, parseNpz } from './numpy'
import { decodeText, parseDelimited } from './text'
import type { Table } from './table'

/** Uncompressed bytes of one array inside an .npz (NumPy compresses with savez_compressed). */
export const MAX_NPZ_ENTRY_BYTES = 4 * LIMITS.maxUploadBytes

const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(1)} MB`

export function extensionOf(name: string): string {
  return /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? ''
}

export function parseUpload(fileName: string, bytes: Uint8Array, maxBytes: number = LIMITS.maxUploadBytes): Table {
  if (bytes.length > maxBytes)
    throw new EngineError('budget', message('import.fileTooLarge', { file: fileName, limit: mb(maxBytes), bytes: bytes.length.toLocaleString('en-US') }))
  if (bytes.length === 0) throw new EngineError('invalid-request', message('import.fileEmpty', { file: fileName }))
  const ext = extensionOf(fileName)
  const npy = bytes[0] === 0x93 && bytes[1] === 0x4e && bytes[2] === 0x55
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b
  if (ext === 'npy' || (npy && ext !== 'npz')) return parseNpy(bytes, fileName)
  if (ext === 'npz' || zip) return parseNpz(bytes, fileName, MAX_NPZ_ENTRY_BYTES)
  return parseDelimited(decodeText(bytes), ext === 'tsv' || ext === 'tab')
}
