// float64 .npy writing for datasets (runs/npy.ts writes float32 and int32 only); same v1.0 layout.
import { open } from 'node:fs/promises'

export function npyFloat64Header(shape: readonly number[]): Buffer {
  const dict = `{'descr': '<f8', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`
  const total = Math.ceil((10 + dict.length + 1) / 64) * 64
  const buf = Buffer.alloc(total, 0x20)
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).copy(buf, 0)
  buf.writeUInt16LE(total - 10, 8)
  buf.write(dict, 10, 'latin1')
  buf[total - 1] = 0x0a
  return buf
}

export async function writeNpyFloat64(path: string, data: Float64Array, shape: readonly number[]): Promise<void> {
  if (shape.reduce((a, b) => a * b, 1) !== data.length) throw new Error(`shape [${shape.join(', ')}] does not hold ${data.length} values`)
  const fh = await open(path, 'w')
  try {
    await fh.write(npyFloat64Header(shape))
    await fh.write(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    await fh.sync()
  } finally {
    await fh.close()
  }
}
