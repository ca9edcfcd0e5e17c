// NPY/NPZ uploads: round trips against the engine's own writers, a fixture written by NumPy itself,
// and refusals of truncated or unusable arrays.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { decodeNumpy } from '../../../../../electron/engine/datasets/import/numpy'
import { parseUpload } from '../../../../../electron/engine/datasets/import/parse'
import { npyHeader } from '../../../../../electron/engine/formats/npy'
import { encodeNpy } from '../../../../../electron/engine/formats/npy'

const values = (t: ReturnType<typeof parseUpload>, c: number): number[] => Array.from(t.columns[c].num)
const f64 = (data: number[], shape: number[]): Uint8Array => {
  const body = new Float64Array(data)
  return Buffer.concat([npyHeader('<f8', shape), Buffer.from(body.buffer)])
}

describe('NPY', () => {
  it('reads float32 and int32 written by the engine, 2-D and 1-D', () => {
    const t = parseUpload('a.npy', encodeNpy(new Float32Array([1.5, 2, -3, 4.25, 5, 6]), [3, 2]))
    expect(t.format).toBe('npy')
    expect(t.rows).toBe(3)
    expect(t.columns.map((c) => c.name)).toEqual(['x[0]', 'x[1]'])
    expect(values(t, 0)).toEqual([1.5, -3, 5])
    expect(values(t, 1)).toEqual([2, 4.25, 6])
    const tenth = parseUpload('f.npy', encodeNpy(new Float32Array([0.1, 1e-8]), [2]))
    expect(tenth.head).toEqual([['0.1'], ['1e-8']])
    expect(values(tenth, 0)).toEqual([Math.fround(0.1), Math.fround(1e-8)])
    const one = parseUpload('b.npy', encodeNpy(new Int32Array([7, -8, 9]), [3]))
    expect(one.columns.map((c) => c.name)).toEqual(['x'])
    expect(values(one, 0)).toEqual([7, -8, 9])
  })

  it('reads float64 written by the dataset writer, NaN as missing', () => {
    const t = parseUpload('c.npy', f64([0.1, NaN, 1e-300, 2], [2, 2]))
    expect(values(t, 0)).toEqual([0.1, 1e-300])
    expect(t.columns[1].kind[0]).toBe(1)
  })

  it('refuses a truncated file, a 3-D array and a foreign file with a reason', () => {
    const whole = encodeNpy(new Float32Array([1, 2, 3, 4]), [2, 2])
    expect(() => parseUpload('t.npy', whole.subarray(0, whole.length - 3))).toThrow(/truncated: shape \[2, 2\] needs 144 bytes, the file has 141/)
    expect(() => parseUpload('h.npy', whole.subarray(0, 40))).toThrow(/truncated header/)
    expect(() => parseUpload('3d.npy', encodeNpy(new Float32Array(8), [2, 2, 2]))).toThrow(/expected a 1-D \[n\] or 2-D \[n, d\] array/)
    expect(() => parseUpload('x.npy', new TextEncoder().encode('hello, world'))).toThrow(/not an NPY file/)
  })

  it('reads big-endian and Fortran-ordered arrays in the right order', () => {
    // hand-built: '>i2' values 1..6 in Fortran order for shape (2, 3): memory 1,2,3,4,5,6 means [[1,3,5],[2,4,6]]
    const dict = "{'descr': '>i2', 'fortran_order': True, 'shape': (2, 3), }"
    const header = Buffer.alloc(128, 0x20)
    Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).copy(header)
    header.writeUInt16LE(118, 8)
    header.write(dict, 10, 'latin1')
    header[127] = 0x0a
    const body = Buffer.alloc(12)
    for (let i = 0; i < 6; i++) body.writeInt16BE(i + 1, 2 * i)
    const a = decodeNumpy(Buffer.concat([header, body]), 'f.npy')
    expect(a.shape).toEqual([2, 3])
    expect(Array.from(a.data)).toEqual([1, 3, 5, 2, 4, 6])
  })
})

describe('NPZ', () => {
  const x = encodeNpy(new Float32Array([1, 2, 3, 4, 5, 6]), [3, 2])
  const y = encodeNpy(new Int32Array([0, 1, 0]), [3])

  it('takes features and labels by name, whatever the order in the archive', () => {
    const sets: Record<string, Uint8Array>[] = [
      { 'x.npy': x, 'y.npy': y },
      { 'labels.npy': y, 'features.npy': x }
    ]
    for (const files of sets) {
      const t = parseUpload('p.npz', zipSync(files))
      expect(t.format).toBe('npz')
      expect(t.columns).toHaveLength(3)
      expect(values(t, 0)).toEqual([1, 3, 5])
      expect(values(t, 2)).toEqual([0, 1, 0])
    }
    const named = parseUpload('p.npz', zipSync({ 'labels.npy': y, 'features.npy': x }))
    expect(named.columns.map((c) => c.name)).toEqual(['features[0]', 'features[1]', 'labels'])
    expect(named.labelColumn).toBe(2)
    expect(parseUpload('one.npz', zipSync({ 'x.npy': x })).labelColumn).toBeUndefined()
  })

  it('takes arr_0 / arr_1 by shape, and one array alone as features', () => {
    const t = parseUpload('p.npz', zipSync({ 'arr_0.npy': y, 'arr_1.npy': x }, { level: 9 }))
    expect(t.columns.map((c) => c.name)).toEqual(['arr_1[0]', 'arr_1[1]', 'arr_0'])
    expect(parseUpload('one.npz', zipSync({ 'arr_0.npy': x })).columns).toHaveLength(2)
  })

  it('refuses three arrays, mismatched lengths and a truncated archive', () => {
    expect(() => parseUpload('3.npz', zipSync({ 'a.npy': x, 'b.npy': y, 'c.npy': y }))).toThrow(/holds 3 arrays \(a, b, c\)/)
    const short = encodeNpy(new Int32Array([0, 1]), [2])
    expect(() => parseUpload('m.npz', zipSync({ 'x.npy': x, 'y.npy': short }))).toThrow(/'x' has 3 rows but 'y' has 2 labels/)
    const whole = zipSync({ 'x.npy': x })
    expect(() => parseUpload('t.npz', whole.subarray(0, whole.length - 10))).toThrow(/t\.npz/)
  })
})

describe('fixture written by NumPy', () => {
  const hasNumpy = (() => {
    try {
      execFileSync('/usr/bin/python3', ['-c', 'import numpy'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })()
  const dir = mkdtempSync(join(tmpdir(), 'nagare-npfix-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.skipIf(!hasNumpy)('reads float64, int64 and a savez_compressed pair exactly as NumPy wrote them (skipped when /usr/bin/python3 lacks numpy)', () => {
    execFileSync('/usr/bin/python3', [
      '-c',
      `
import numpy as np
x = np.arange(12, dtype=np.float64).reshape(4, 3) / 8 - 0.5
np.save('${dir}/x.npy', x)
np.save('${dir}/i.npy', np.array([[1, -2], [3, 2**40]], dtype=np.int64))
np.savez_compressed('${dir}/p.npz', x=x.astype(np.float32), y=np.array([2, 0, 1, 2], dtype=np.int64))
`
    ])
    expect(existsSync(join(dir, 'p.npz'))).toBe(true)
    const expected = Array.from({ length: 12 }, (_, i) => i / 8 - 0.5)
    const t = parseUpload('x.npy', readFileSync(join(dir, 'x.npy')))
    expect(t.rows).toBe(4)
    expect([0, 1, 2, 3].flatMap((r) => [0, 1, 2].map((c) => t.columns[c].num[r]))).toEqual(expected)
    const i = parseUpload('i.npy', readFileSync(join(dir, 'i.npy')))
    expect(values(i, 1)).toEqual([-2, 2 ** 40])
    const p = parseUpload('p.npz', readFileSync(join(dir, 'p.npz')))
    expect(p.columns.map((c) => c.name)).toEqual(['x[0]', 'x[1]', 'x[2]', 'y'])
    expect(values(p, 3)).toEqual([2, 0, 1, 2])
    expect(values(p, 0)).toEqual([0, 3, 6, 9].map((k) => k / 8 - 0.5))
  })
})
