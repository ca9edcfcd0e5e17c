// Model input of any rank from .npy/.npz: shapes and values survive as written (float64 and int32 to
// float32), NPZ members chosen by name (x / data / inputs, labels y / labels), and refusals that name
// the file; plus the shape check against a model's input and its message.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shapeMismatch, shapeMismatchMessage, shapeText } from '../../../../shared/input-shape'
import { readArrayInput } from '../../../../electron/engine/inputs/array-input'
import { encodeNpy } from '../../../../electron/engine/formats/npy'
import { english, message } from '../../../../shared/messages'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-arrays-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const ramp = (count: number): Float64Array => Float64Array.from({ length: count }, (_, i) => i * 0.5 - 3)

describe('array input', () => {
  it('reads a rank-4 float64 .npy as float32 [N, C, H, W] with every value in C order', async () => {
    const shape = [3, 2, 4, 5]
    const values = ramp(120)
    await writeFile(join(dir, 'x.npy'), encodeNpy(values, shape))
    const a = await readArrayInput(join(dir, 'x.npy'))
    expect(a.shape).toEqual(shape)
    expect(a.data).toBeInstanceOf(Float32Array)
    expect(Array.from(a.data)).toEqual(Array.from(values))
    expect(a.labels).toBeUndefined()
  })

  it('reads an .npz with inputs in "x" and int32 labels in "y"; a rank-1 array becomes [N, 1]', async () => {
    const x = encodeNpy(
      Int32Array.from({ length: 24 }, (_, i) => i),
      [4, 3, 2]
    )
    const y = encodeNpy(Int32Array.from([7, 3, 7, 9]), [4])
    await writeFile(join(dir, 'd.npz'), zipSync({ 'x.npy': x, 'y.npy': y }))
    const a = await readArrayInput(join(dir, 'd.npz'))
    expect(a.shape).toEqual([4, 3, 2])
    expect(a.data[23]).toBe(23)
    expect(a.member).toBe('x')
    // the labels given are the labels kept: class indices stay as given (not renumbered)
    expect(Array.from(a.labels!)).toEqual([7, 3, 7, 9])
    await writeFile(join(dir, 'one.npz'), zipSync({ 'features.npy': encodeNpy(Float32Array.from([1, 2, 3]), [3]) }))
    expect((await readArrayInput(join(dir, 'one.npz'))).shape).toEqual([3, 1])
  })

  it('refuses labels of another length, non-finite values and other extensions, naming the file', async () => {
    await writeFile(
      join(dir, 'bad.npz'),
      zipSync({ 'x.npy': encodeNpy(Float32Array.from([1, 2, 3, 4]), [2, 2]), 'labels.npy': encodeNpy(Int32Array.from([0, 1, 1]), [3]) })
    )
    await expect(readArrayInput(join(dir, 'bad.npz'))).rejects.toThrow(/bad\.npz:labels: 3 labels, but the layers hold 2 points/)
    await writeFile(join(dir, 'nan.npy'), encodeNpy(Float32Array.from([1, NaN, 3, 4]), [2, 1, 2]))
    await expect(readArrayInput(join(dir, 'nan.npy'))).rejects.toThrow(/nan\.npy.*row 1/)
    await writeFile(join(dir, 'x.csv'), '1,2\n')
    await expect(readArrayInput(join(dir, 'x.csv'))).rejects.toThrow('x.csv: model input must be an .npy or .npz file')
  })
})

describe('data shape against the model input', () => {
  it('accepts fixed dimensions that agree and symbolic ones of any size', () => {
    expect(shapeMismatch(['batch', 3, 64, 64], [10, 3, 64, 64])).toBeNull()
    expect(shapeMismatch([null, 'channels', 8], [10, 5, 8])).toBeNull()
  })

  it('says what differs, and spots the other image layout', () => {
    const m = shapeMismatch(['N', 3, 64, 64], [100, 64, 64, 3])!
    expect(m).toEqual({ model: '[N,3,64,64]', data: '[N,64,64,3]', layoutSwapped: true })
    expect(english(shapeMismatchMessage(m))).toBe(
      'the model takes [N,3,64,64], the data is [N,64,64,3]: the same values in the other layout; choose layout NCHW'
    )
    const k = shapeMismatch([null, 28, 28, 1], [5, 1, 28, 28])!
    expect(shapeMismatchMessage(k).params?.layout).toBe('NHWC')
    const r = shapeMismatch([null, 784], [5, 28, 28])!
    expect(r.layoutSwapped).toBe(false)
    expect(shapeMismatchMessage(r)).toEqual(message('imgui.shapeMismatch', { model: '[N,784]', data: '[N,28,28]' }))
    expect(shapeText([null, 'height', -1])).toBe('[N,height,?]')
  })
})
