// The browser-mode WebSocket wire format, shared by electron/server and the renderer's WS client.
// Requests, events and plain responses are JSON text; responses carrying typed arrays (trajectories,
// run archives as Uint8Array) go as one binary frame: [uint32 LE header length][JSON header][pad to 4][raw array bytes...].
import type { ApiError, JobEvent, Result } from './contract'
import { parseJson } from './json-depth'
import { message } from './messages'

export type RequestId = string | number

export interface WireRequest {
  id: RequestId
  method: string
  request: unknown
}

export type WireMessage = { kind: 'response'; id: RequestId | null; result: Result<unknown> } | { kind: 'event'; event: JobEvent }

type ArrayType = 'float32' | 'int32' | 'uint8'
type WireArray = Float32Array | Int32Array | Uint8Array
const BYTES_PER: Record<ArrayType, number> = { float32: 4, int32: 4, uint8: 1 }

/** Where a typed array sat in the result (property path) and where its bytes are in the frame. */
interface ArraySlot {
  path: (string | number)[]
  type: ArrayType
  byteOffset: number
  length: number
}

interface BinaryHeader {
  id: RequestId | null
  result: unknown
  arrays: ArraySlot[]
}

const MAX_ID_LENGTH = 128
const MAX_PATH_DEPTH = 16
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor'])

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export const isRequestId = (v: unknown): v is RequestId =>
  (typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH) || (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)

export function encodeRequest(id: RequestId, method: string, request: unknown): string {
  return JSON.stringify({ id, method, request })
}

/** Parse the envelope of an incoming request; the payload itself is checked later by parseRequest. */
export function decodeRequest(text: string): { ok: true; value: WireRequest } | { ok: false; id: RequestId | null; error: ApiError } {
  let parsed: unknown
  try {
    parsed = parseJson(text)
  } catch {
    return { ok: false, id: null, error: { code: 'invalid-request', message: message('errmsg.wireNotJson') } }
  }
  if (!isRecord(parsed)) return { ok: false, id: null, error: { code: 'invalid-request', message: message('errmsg.wireNotObject') } }
  const id = isRequestId(parsed.id) ? parsed.id : null
  if (id === null) return { ok: false, id: null, error: { code: 'invalid-request', message: message('errmsg.wireNoId') } }
  const keys = Object.keys(parsed)
  const extra = keys.filter((k) => k !== 'id' && k !== 'method' && k !== 'request')
  if (extra.length > 0)
    return {
      ok: false,
      id,
      error: { code: 'invalid-request', message: message('errmsg.wireUnexpectedField', { field: JSON.stringify(extra[0]).slice(0, 60) }) }
    }
  if (typeof parsed.method !== 'string') return { ok: false, id, error: { code: 'invalid-request', message: message('errmsg.wireNoMethod') } }
  return { ok: true, value: { id, method: parsed.method, request: parsed.request } }
}

export function encodeEvent(event: JobEvent): string {
  return JSON.stringify({ event })
}

/** Collect the typed arrays in a value (by path) and return a JSON-safe copy with nulls in their place. */
function extractArrays(value: unknown, path: (string | number)[], found: { path: (string | number)[]; array: WireArray }[]): unknown {
  if (value instanceof Float32Array || value instanceof Int32Array || value instanceof Uint8Array) {
    found.push({ path, array: value })
    return null
  }
  if (ArrayBuffer.isView(value)) throw new TypeError(`cannot send ${value.constructor.name} over the wire`)
  if (Array.isArray(value)) {
    // Plain arrays of numbers are common (depths, means) and never hold typed arrays: skip the walk.
    if (value.every((v) => typeof v !== 'object' || v === null)) return value
    return value.map((v, i) => extractArrays(v, [...path, i], found))
  }
  if (isRecord(value)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = extractArrays(v, [...path, k], found)
    return out
  }
  return value
}

const align4 = (n: number): number => (n + 3) & ~3

/** JSON text when the response holds no typed arrays, otherwise one binary frame. */
export function encodeResponse(id: RequestId | null, result: Result<unknown>): string | Uint8Array {
  const found: { path: (string | number)[]; array: WireArray }[] = []
  const plain = extractArrays(result, [], found)
  if (found.length === 0) return JSON.stringify({ id, result })
  const arrays: ArraySlot[] = []
  let offset = 0
  for (const { path, array } of found) {
    arrays.push({
      path,
      type: array instanceof Float32Array ? 'float32' : array instanceof Int32Array ? 'int32' : 'uint8',
      byteOffset: offset,
      length: array.length
    })
    offset += align4(array.byteLength)
  }
  const header: BinaryHeader = { id, result: plain, arrays }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header))
  const bodyStart = align4(4 + headerBytes.length)
  const frame = new Uint8Array(bodyStart + offset)
  new DataView(frame.buffer).setUint32(0, headerBytes.length, true)
  frame.set(headerBytes, 4)
  for (let i = 0; i < found.length; i++) {
    const a = found[i].array
    frame.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), bodyStart + arrays[i].byteOffset)
  }
  return frame
}

class WireError extends Error {}

function decodeText(text: string): WireMessage {
  const parsed: unknown = parseJson(text)
  if (!isRecord(parsed)) throw new WireError('message is not an object')
  if ('event' in parsed) {
    if (!isRecord(parsed.event)) throw new WireError('event is not an object')
    return { kind: 'event', event: parsed.event as unknown as JobEvent }
  }
  return { kind: 'response', id: checkId(parsed.id), result: checkResult(parsed.result) }
}

function checkId(id: unknown): RequestId | null {
  if (id === null || isRequestId(id)) return id
  throw new WireError('response id is malformed')
}

function checkResult(result: unknown): Result<unknown> {
  if (!isRecord(result) || typeof result.ok !== 'boolean') throw new WireError('response carries no result')
  if (!result.ok && !isRecord(result.error)) throw new WireError('failed result carries no error')
  return result as Result<unknown>
}

function setAtPath(root: unknown, path: unknown, value: unknown): void {
  if (!Array.isArray(path) || path.length === 0 || path.length > MAX_PATH_DEPTH) throw new WireError('bad array path')
  let node = root
  for (let i = 0; i < path.length; i++) {
    const key = path[i]
    if (typeof key !== 'string' && typeof key !== 'number') throw new WireError('bad array path')
    if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) throw new WireError('bad array path')
    if (typeof node !== 'object' || node === null) throw new WireError('array path leads nowhere')
    const holder = node as Record<string | number, unknown>
    if (!Object.prototype.hasOwnProperty.call(holder, key)) throw new WireError('array path leads nowhere')
    if (i === path.length - 1) {
      if (holder[key] !== null) throw new WireError('array path does not point at a placeholder')
      holder[key] = value
    } else node = holder[key]
  }
}

function decodeBinary(bytes: Uint8Array): WireMessage {
  if (bytes.byteLength < 4) throw new WireError('binary frame too short')
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true)
  if (4 + headerLength > bytes.byteLength) throw new WireError('binary header overruns the frame')
  const header: unknown = parseJson(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength)))
  if (!isRecord(header) || !Array.isArray(header.arrays)) throw new WireError('binary header malformed')
  const id = checkId(header.id)
  const result = checkResult(header.result)
  const bodyStart = align4(4 + headerLength)
  for (const slot of header.arrays as unknown[]) {
    if (!isRecord(slot)) throw new WireError('array slot malformed')
    const { type, byteOffset, length } = slot
    if (type !== 'float32' && type !== 'int32' && type !== 'uint8') throw new WireError('unknown array type')
    if (
      !Number.isSafeInteger(byteOffset) ||
      !Number.isSafeInteger(length) ||
      (byteOffset as number) < 0 ||
      (length as number) < 0 ||
      (byteOffset as number) % 4 !== 0
    )
      throw new WireError('array slot out of range')
    const start = bodyStart + (byteOffset as number)
    const end = start + (length as number) * BYTES_PER[type]
    if (end > bytes.byteLength) throw new WireError('array slot overruns the frame')
    // A view when the bytes happen to be aligned (browser ArrayBuffers are), else an aligned copy.
    const aligned = (bytes.byteOffset + start) % 4 === 0
    const buffer = aligned ? bytes.buffer : new Uint8Array(bytes.subarray(start, end)).buffer
    const at = aligned ? bytes.byteOffset + start : 0
    const n = length as number
    const array = type === 'float32' ? new Float32Array(buffer, at, n) : type === 'int32' ? new Int32Array(buffer, at, n) : new Uint8Array(buffer, at, n)
    setAtPath(result, slot.path, array)
  }
  return { kind: 'response', id, result }
}

/** Decode a message from the server: JSON text, or a binary frame (ArrayBuffer or Uint8Array). */
export function decodeMessage(data: string | ArrayBuffer | Uint8Array): WireMessage {
  try {
    if (typeof data === 'string') return decodeText(data)
    return decodeBinary(data instanceof Uint8Array ? data : new Uint8Array(data))
  } catch (e) {
    throw new Error(`malformed message from the Nagare server: ${e instanceof Error ? e.message : String(e)}`)
  }
}
