// Image-folder input against independent truth: PIL's decoding (convert('RGB') / convert('L')) and
// torch's bilinear interpolate (align_corners=False), written by tests/fixtures/images/make_images.py;
// resize on a linear ramp (bilinear reproduces it exactly inside the image); scale, mean/std and layout
// arithmetic on known pixels; and the refusals (mixed sizes, unreadable files) naming the file.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IMAGE_DEFAULTS, type ImageOptions } from '../../../../shared/image-data'
import { arrayFromNpz } from '../../../../electron/engine/inputs/array-input'
import { decodeImage } from '../../../../electron/engine/images/decode'
import { listImageFolder, readImageFolder } from '../../../../electron/engine/images/folder'
import { resizeBilinear } from '../../../../electron/engine/images/transform'
import { readZip } from '../../../../electron/engine/formats/zip'
import { decodeNpyAny } from '../../../../electron/engine/formats/npy'

const FIX = resolve(__dirname, '../../../fixtures/images')
const FOLDER = join(FIX, 'folder')
const N = 4
const H = 4
const W = 5
let truth: Record<string, { shape: number[]; data: ArrayLike<number> }>
let dir: string

beforeAll(async () => {
  const buf = await readFile(join(FIX, 'truth.npz'))
  truth = Object.fromEntries(
    readZip(buf, 'truth.npz', 1 << 24)
      .filter((e) => !e.name.startsWith('labels'))
      .map((e) => [e.name.replace(/\.npy$/, ''), decodeNpyAny(e.data)])
  )
  dir = await mkdtemp(join(tmpdir(), 'nagare-images-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const opts = (o: Partial<ImageOptions>): ImageOptions => ({ ...IMAGE_DEFAULTS, ...o })
/** truth rgb [N,H,W,3] at (i, y, x, c) */
const rgbAt = (i: number, y: number, x: number, c: number): number => truth.rgb.data[((i * H + y) * W + x) * 3 + c]

describe('image folder (ImageFolder convention)', () => {
  it('lists classes in sorted order and files below them at any depth, as torchvision does', async () => {
    const { entries, classes } = await listImageFolder(FOLDER)
    expect(classes).toEqual(['cat', 'dog'])
    expect(entries.map((e) => [e.name, e.label])).toEqual([
      ['cat/0.png', 0],
      ['cat/1.png', 0],
      ['dog/0.jpg', 1],
      ['dog/sub/2.png', 1]
    ])
  })

  it('decodes PNG (RGB, RGBA with alpha dropped, gray) exactly as PIL and JPEG within 2 levels of libjpeg', async () => {
    const t = await readImageFolder(FOLDER, opts({ scale: '0-255', layout: 'nhwc' }))
    expect(t.shape).toEqual([N, H, W, 3])
    expect(Array.from(t.labels!)).toEqual([0, 0, 1, 1])
    for (let i = 0; i < N; i++) {
      let worst = 0
      for (let p = 0; p < H * W * 3; p++) worst = Math.max(worst, Math.abs(t.data[i * H * W * 3 + p] - truth.rgb.data[i * H * W * 3 + p]))
      if (i === 2)
        expect(worst).toBeLessThanOrEqual(2) // the JPEG: IDCTs may round differently
      else expect(worst, `image ${i}`).toBe(0)
    }
  })

  it('gray is PIL convert("L") exactly (PNG images)', async () => {
    const t = await readImageFolder(FOLDER, opts({ channels: 'gray', scale: '0-255' }))
    expect(t.shape).toEqual([N, 1, H, W])
    for (const i of [0, 1, 3])
      expect(Array.from(t.data.subarray(i * H * W, (i + 1) * H * W))).toEqual(Array.from(truth.gray.data).slice(i * H * W, (i + 1) * H * W))
  })

  it('resizes to 3x7 as torch bilinear interpolate (align_corners=False) does', async () => {
    const t = await readImageFolder(FOLDER, opts({ size: [3, 7], scale: '0-255' }))
    expect(t.shape).toEqual([N, 3, 3, 7])
    for (const i of [0, 1, 3]) {
      const per = 3 * 3 * 7
      for (let p = 0; p < per; p++) expect(t.data[i * per + p]).toBeCloseTo(truth.resized.data[i * per + p], 3)
    }
    const g = await readImageFolder(FOLDER, opts({ size: [3, 7], channels: 'gray', scale: '0-255' }))
    for (let p = 0; p < 21; p++) expect(g.data[p]).toBeCloseTo(truth.resized_gray.data[p], 3)
  })

  it('scales by 1/255, then applies per-channel (x - mean) / std, in NCHW order', async () => {
    const mean = [0.485, 0.456, 0.406]
    const std = [0.229, 0.224, 0.225]
    const t = await readImageFolder(FOLDER, opts({ mean, std }))
    expect(t.shape).toEqual([N, 3, H, W])
    for (const [i, y, x, c] of [
      [0, 0, 0, 0],
      [0, 3, 4, 2],
      [1, 2, 1, 1],
      [3, 1, 3, 0]
    ]) {
      const got = t.data[((i * 3 + c) * H + y) * W + x]
      expect(got).toBeCloseTo((rgbAt(i, y, x, c) / 255 - mean[c]) / std[c], 5)
    }
    const one = await readImageFolder(FOLDER, opts({ scale: '0-255', mean: [100], std: [2] }))
    expect(one.data[((0 * 3 + 1) * H + 2) * W + 3]).toBeCloseTo((rgbAt(0, 2, 3, 1) - 100) / 2, 5)
  })

  it('refuses mixed sizes without a resize, naming both files, and reads them with one', async () => {
    await expect(readImageFolder(join(FIX, 'mixed'), IMAGE_DEFAULTS)).rejects.toThrow('b.png is 6x4 pixels, but a.png is 5x4: give a size')
    const t = await readImageFolder(join(FIX, 'mixed'), opts({ size: [4, 5] }))
    expect(t.shape).toEqual([2, 3, 4, 5])
    expect(t.labels).toBeUndefined()
  })

  it('names an unreadable image, a file that is not an image, and loose images beside class folders', async () => {
    const broken = join(dir, 'broken', 'a')
    await mkdir(broken, { recursive: true })
    const png = await readFile(join(FOLDER, 'cat', '0.png'))
    await writeFile(join(broken, 'x.png'), png.subarray(0, 40))
    await expect(readImageFolder(join(dir, 'broken'), IMAGE_DEFAULTS)).rejects.toThrow(/^a\/x\.png: the image cannot be decoded/)
    await writeFile(join(broken, 'x.png'), 'not an image')
    await expect(readImageFolder(join(dir, 'broken'), IMAGE_DEFAULTS)).rejects.toThrow('a/x.png is not a PNG or JPEG image')
    await copyFile(join(FOLDER, 'cat', '0.png'), join(dir, 'broken', 'loose.png'))
    await expect(listImageFolder(join(dir, 'broken'))).rejects.toThrow(/has class sub-folders and also 1 images beside them \(first loose\.png\)/)
    await mkdir(join(dir, 'empty'))
    await expect(listImageFolder(join(dir, 'empty'))).rejects.toThrow('holds no PNG or JPEG images')
  })

  it('decodes by content, not by name (a PNG named .jpg)', async () => {
    const img = decodeImage(await readFile(join(FOLDER, 'cat', '0.png')), 'renamed.jpg')
    expect([img.width, img.height]).toEqual([W, H])
  })
})

describe('bilinear resize', () => {
  it('reproduces a linear ramp exactly at interior sample points (half-pixel centres)', () => {
    // f(x, y) = 3x + 5y + 1 at pixel centres; upsampling 4x6 -> 8x12 maps output centre (X+0.5)/2 - 0.5
    const h = 4
    const w = 6
    const plane = Float32Array.from({ length: h * w }, (_, i) => 3 * (i % w) + 5 * Math.floor(i / w) + 1)
    const out = resizeBilinear(plane, h, w, 8, 12)
    for (let Y = 1; Y < 7; Y++)
      for (let X = 1; X < 11; X++) {
        const sx = (X + 0.5) / 2 - 0.5
        const sy = (Y + 0.5) / 2 - 0.5
        expect(out[Y * 12 + X]).toBeCloseTo(3 * sx + 5 * sy + 1, 4)
      }
    // edges clamp: the first output column samples source x = -0.25, clamped to 0
    expect(out[0]).toBeCloseTo(1, 5)
  })

  it('is the identity at the same size, and a 2x downsample averages each 2x2 block', () => {
    const plane = Float32Array.from({ length: 16 }, (_, i) => i * i)
    expect(resizeBilinear(plane, 4, 4, 4, 4)).toBe(plane)
    const down = resizeBilinear(plane, 4, 4, 2, 2)
    const block = (y: number, x: number): number => (plane[y * 4 + x] + plane[y * 4 + x + 1] + plane[(y + 1) * 4 + x] + plane[(y + 1) * 4 + x + 1]) / 4
    expect(Array.from(down)).toEqual([block(0, 0), block(0, 2), block(2, 0), block(2, 2)].map((v) => Math.fround(v)))
  })
})

describe('NPZ input (members x / y)', () => {
  it('reads the truth archive by its members: the named input, int64 labels from "labels"', async () => {
    const buf = await readFile(join(FIX, 'truth.npz'))
    // no member named x/data/inputs and several others: which is the input cannot be told
    expect(() => arrayFromNpz(buf, 'truth.npz')).toThrow(
      'truth.npz: cannot tell which member holds the inputs (members: rgb, gray, resized, resized_gray, labels)'
    )
  })
})
