import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeNpy, encodeNpy, npyHeader, readNpy, writeNpy } from '../../../../electron/engine/formats/npy'

const FIX = resolve(__dirname, '../../../fixtures/npy')
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-npy-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('NPY reader on files written by NumPy', () => {
  it('reads float32 [2, 3, 2] and int32 [5] exactly', async () => {
    const f = await readNpy(join(FIX, 'f4_2x3x2.npy'))
    expect(f.dtype).toBe('<f4')
    expect(f.shape).toEqual([2, 3, 2])
    expect(Array.from(f.data)).toEqual(Array.from({ length: 12 }, (_, i) => i * 0.5 - 1.25))
    const i = await readNpy(join(FIX, 'i4_5.npy'))
    expect(i.dtype).toBe('<i4')
    expect(i.shape).toEqual([5])
    expect(i.data).toBeInstanceOf(Int32Array)
    expect(Array.from(i.data)).toEqual([0, 1, -2, 3, 2147483647])
    const empty = await readNpy(join(FIX, 'f4_0x2.npy'))
    expect(empty.shape).toEqual([0, 2])
    expect(empty.data.length).toBe(0)
  })

  it('our writer produces the same bytes as NumPy for the same arrays', async () => {
    const f = new Float32Array(Array.from({ length: 12 }, (_, i) => i * 0.5 - 1.25))
    expect(encodeNpy(f, [2, 3, 2]).equals(await readFile(join(FIX, 'f4_2x3x2.npy')))).toBe(true)
    const i = new Int32Array([0, 1, -2, 3, 2147483647])
    expect(encodeNpy(i, [5]).equals(await readFile(join(FIX, 'i4_5.npy')))).toBe(true)
  })

  it('rejects other dtypes and Fortran order with a clear message', async () => {
    await expect(readNpy(join(FIX, 'f8_3.npy'))).rejects.toThrow(/unsupported dtype '<f8'/)
    await expect(readNpy(join(FIX, 'f4_fortran_2x2.npy'))).rejects.toThrow(/Fortran/)
  })
})

describe('NPY writer and validation', () => {
  it('round-trips through a file, header padded to 64 bytes', async () => {
    const data = new Float32Array(3 * 7 * 2).map((_, k) => Math.sin(k) * 1e3)
    const p = join(dir, 'rt.npy')
    await writeNpy(p, data, [3, 7, 2])
    const bytes = await readFile(p)
    expect(bytes.readUInt16LE(8) + 10).toBe(128)
    expect(bytes.length).toBe(128 + data.byteLength)
    const back = await readNpy(p)
    expect(back.shape).toEqual([3, 7, 2])
    expect(Array.from(back.data)).toEqual(Array.from(data))
    // a misaligned in-memory copy decodes too
    const shifted = Buffer.alloc(bytes.length + 1)
    bytes.copy(shifted, 1)
    expect(Array.from(decodeNpy(shifted.subarray(1)).data)).toEqual(Array.from(data))
    for (const shape of [[1], [0], [5, 1, 1], [1000, 1000, 3]]) expect(npyHeader('<f4', shape).length % 64).toBe(0)
    expect(npyHeader('<i4', [4]).toString('latin1')).toContain("'shape': (4,)")
  })

  it('refuses a shape that does not match the data', async () => {
    expect(() => encodeNpy(new Float32Array(5), [2, 3])).toThrow(/needs 6 values/)
    await expect(writeNpy(join(dir, 'x.npy'), new Int32Array(4), [5])).rejects.toThrow(/needs 5 values/)
  })

  it('rejects truncated files, bad magic, bad version and malformed headers', async () => {
    const good = encodeNpy(new Float32Array([1, 2, 3, 4, 5, 6]), [2, 3])
    const write = async (name: string, b: Buffer): Promise<string> => {
      const p = join(dir, name)
      await writeFile(p, b)
      return p
    }
    await expect(readNpy(await write('trunc-data.npy', good.subarray(0, good.length - 3)))).rejects.toThrow(
      /truncated: shape \[2, 3\] needs 152 bytes, the file has 149/
    )
    await expect(readNpy(await write('trunc-head.npy', good.subarray(0, 30)))).rejects.toThrow(/truncated header/)
    await expect(readNpy(await write('tiny.npy', good.subarray(0, 4)))).rejects.toThrow(/bad magic/)
    await expect(readNpy(await write('extra.npy', Buffer.concat([good, Buffer.alloc(4)])))).rejects.toThrow(/unexpected bytes/)
    const magic = Buffer.from(good)
    magic[1] = 0x58
    await expect(readNpy(await write('magic.npy', magic))).rejects.toThrow(/bad magic/)
    const version = Buffer.from(good)
    version[6] = 9
    await expect(readNpy(await write('version.npy', version))).rejects.toThrow(/unsupported NPY version 9.0/)
    const header = Buffer.from(good)
    header.write("'shape': (2, x)", good.indexOf("'shape'"), 'latin1')
    await expect(readNpy(await write('header.npy', header))).rejects.toThrow(/bad shape|malformed/)
    expect(() => decodeNpy(good.subarray(0, good.length - 1))).toThrow(/truncated/)
  })
})
