// NPY v1.0 bytes (NumPy's .npy) without Node: the header dict padded so the data starts on a 64-byte
// boundary, then the little-endian values. Used by the renderer's exports; NumPy loads the result.
export type NpyDtypeName = '<f4' | '<i4' | '<f8'

function dtypeOf(data: Float32Array | Int32Array | Float64Array): NpyDtypeName {
  return data instanceof Float32Array ? '<f4' : data instanceof Int32Array ? '<i4' : '<f8'
}

/** The 10-byte preamble plus the header dict, padded with spaces and a newline to a multiple of 64. */
export function npyHeaderBytes(dtype: NpyDtypeName, shape: readonly number[]): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`
  const dict = `{'descr': '${dtype}', 'fortran_order': False, 'shape': ${shapeText}, }`
  const total = Math.ceil((10 + dict.length + 1) / 64) * 64
  const headerLen = total - 10
  if (headerLen > 0xffff) throw new Error('shape too long for an NPY v1.0 header')
  const out = new Uint8Array(total).fill(0x20)
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0])
  out[8] = headerLen & 0xff
  out[9] = headerLen >> 8
  for (let i = 0; i < dict.length; i++) out[10 + i] = dict.charCodeAt(i)
  out[total - 1] = 0x0a
  return out
}

/** A whole .npy file; typed arrays are little-endian on every platform the app runs on. */
export function encodeNpyBytes(data: Float32Array | Int32Array | Float64Array, shape: readonly number[]): Uint8Array {
  const count = shape.reduce((a, b) => a * b, 1)
  if (!shape.every((s) => Number.isInteger(s) && s >= 0) || count !== data.length)
    throw new Error(`shape [${shape.join(', ')}] does not fit ${data.length} values`)
  const header = npyHeaderBytes(dtypeOf(data), shape)
  const out = new Uint8Array(header.length + data.byteLength)
  out.set(header)
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), header.length)
  return out
}
