// Activation-dump import: NumPy-written .npy/.npz (stored and deflated)/CSV fixtures, ordering by natural
// sort and by manifest, and every bad-input case refused with an invalid-request naming the file.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadLayerDumps, naturalCompare, type LayerData } from '../../../../electron/engine/layers/dumps'
import { crc32, readZip } from '../../../../electron/engine/formats/zip'
import { EngineError } from '../../../../electron/engine/errors'
import { encodeNpy } from '../../../../electron/engine/formats/npy'

const FIX = resolve(__dirname, '../../../fixtures/layers')
const N = 40
const input = (i: number, j: number): number => (2 * i + j) / 10
const hidden = (i: number, c: number): number => ((i * c) % 7) - 3
const output = (i: number, j: number): number => Math.fround(2 * input(i, j) + 1)

function expectLayer(l: LayerData, width: number, f: (i: number, j: number) => number): void {
  expect(l.n).toBe(N)
  expect(l.width).toBe(width)
  for (let i = 0; i < N; i++) for (let j = 0; j < width; j++) expect(l.data[i * width + j]).toBe(f(i, j))
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-layers-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function folder(name: string, files: Record<string, Uint8Array | string>): Promise<string> {
  const p = join(dir, name)
  await mkdir(p)
  for (const [f, content] of Object.entries(files)) await writeFile(join(p, f), content)
  return p
}

async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(EngineError)
  expect((e as EngineError).code).toBe('invalid-request')
  return (e as Error).message
}

const npy2 = (rows: number[][]): Buffer => encodeNpy(Float32Array.from(rows.flat()), [rows.length, rows[0].length])

describe('NPZ written by NumPy', () => {
  for (const file of ['stack.npz', 'stack_deflated.npz']) {
    it(`${file}: members in archive order, exact values, float64 and float32 members`, async () => {
      const d = await loadLayerDumps(join(FIX, file))
      expect(d.layers.map((l) => l.name)).toEqual(['input', 'hidden', 'output'])
      expectLayer(d.layers[0], 2, input)
      expectLayer(d.layers[1], 5, hidden)
      expectLayer(d.layers[2], 2, output)
    })
  }

  it('the deflated archive really is compressed (method 8), the plain one stored (method 0)', async () => {
    const method = (b: Buffer): number => b.readUInt16LE(8) // first local header
    expect(method(await readFile(join(FIX, 'stack.npz')))).toBe(0)
    expect(method(await readFile(join(FIX, 'stack_deflated.npz')))).toBe(8)
  })

  it('a corrupt member fails its CRC, a truncated archive is refused', async () => {
    const buf = await readFile(join(FIX, 'stack.npz'))
    const bad = Buffer.from(buf)
    bad[200] ^= 0xff // inside the first member's data
    await writeFile(join(dir, 'corrupt.npz'), bad)
    expect(await refusal(loadLayerDumps(join(dir, 'corrupt.npz')))).toMatch(/corrupt\.npz: member input\.npy fails its CRC-32/)
    await writeFile(join(dir, 'short.npz'), buf.subarray(0, buf.length - 100))
    expect(await refusal(loadLayerDumps(join(dir, 'short.npz')))).toMatch(/short\.npz: .*(truncated|corrupt)/)
  })

  it('crc32 matches the published check value and zlib', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
  })

  it('readZip refuses an entry that inflates past its cap', () => {
    // hand-built one-member archive: 1000 zero bytes deflated, cap 999
    const data = Buffer.alloc(1000)
    const packed = deflateRawSync(data)
    const name = Buffer.from('x.npy')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc32(data), 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(1000, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc32(data), 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(1000, 24)
    central.writeUInt16LE(name.length, 28)
    const cdOffset = 30 + name.length + packed.length
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(1, 8)
    end.writeUInt16LE(1, 10)
    end.writeUInt32LE(46 + name.length, 12)
    end.writeUInt32LE(cdOffset, 16)
    const zip = Buffer.concat([local, name, packed, central, name, end])
    expect(Buffer.from(readZip(zip, 'z', 1000)[0].data).equals(data)).toBe(true)
    expect(() => readZip(zip, 'z', 999)).toThrow(/over the 999-byte limit/)
    // a directory that understates the size (a zip bomb) stops inflating at the stated size
    const lying = Buffer.from(zip)
    lying.writeUInt32LE(10, 30 + name.length + packed.length + 24)
    expect(() => readZip(lying, 'z', 1000)).toThrow(/member x\.npy inflates past the 10 bytes its directory entry declares/)
  })
})

describe('dump folders', () => {
  it('natural sort: layer_1, layer_2, layer_10 (NPY, CSV with header, single-array NPZ); labels.npy set aside', async () => {
    const d = await loadLayerDumps(join(FIX, 'dumps'))
    expect(d.layers.map((l) => l.name)).toEqual(['layer_1', 'layer_2', 'layer_10'])
    expectLayer(d.layers[0], 2, input)
    expectLayer(d.layers[1], 5, hidden)
    expectLayer(d.layers[2], 2, output)
    expect(d.labelsFile).toBe(join(FIX, 'dumps', 'labels.npy'))
  })

  it('naturalCompare', () => {
    expect(['b10', 'b2', 'a', 'b1', 'b02x'].sort(naturalCompare)).toEqual(['a', 'b1', 'b2', 'b02x', 'b10'])
  })

  it('layers.json fixes the order of files', async () => {
    const d = await loadLayerDumps(join(FIX, 'manifest'))
    expect(d.layers.map((l) => l.name)).toEqual(['b', 'a'])
    expectLayer(d.layers[0], 2, output)
    expectLayer(d.layers[1], 2, input)
  })

  it('layers.json picks and orders the members of a folder holding one multi-array NPZ', async () => {
    const d = await loadLayerDumps(join(FIX, 'multi'))
    expect(d.layers.map((l) => l.name)).toEqual(['output', 'input'])
    expectLayer(d.layers[1], 2, input)
  })
})

describe('bad input is refused, naming the file and the reason', () => {
  const good = npy2([
    [1, 2],
    [3, 4],
    [5, 6]
  ])

  it('mismatched N across layers', async () => {
    const p = await folder('mismatch', { 'a.npy': good, 'b.npy': npy2([[1], [2]]) })
    expect(await refusal(loadLayerDumps(p))).toMatch(/b\.npy: 2 rows, but .*a\.npy \(the first layer\) has 3/)
  })

  it('a NaN or Inf row', async () => {
    const p = await folder('nan', {
      'a.npy': good,
      'b.npy': npy2([
        [1, 2],
        [NaN, 0],
        [0, 0]
      ])
    })
    expect(await refusal(loadLayerDumps(p))).toMatch(/b\.npy: row 2 has a non-finite value \(NaN\)/)
    const q = await folder('inf', { 'a.npy': good, 'b.csv': '1,2\n3,4\n5,inf\n' })
    expect(await refusal(loadLayerDumps(q))).toMatch(/b\.csv: line 3, column 2 is inf/)
  })

  it('an empty file and an empty array', async () => {
    const p = await folder('empty', { 'a.npy': good, 'b.npy': '' })
    expect(await refusal(loadLayerDumps(p))).toMatch(/b\.npy is empty/)
    const q = await folder('empty-array', { 'a.npy': good, 'b.npy': encodeNpy(new Float32Array(0), [0, 2]) })
    expect(await refusal(loadLayerDumps(q))).toMatch(/b\.npy: the array is empty/)
  })

  it('non-numeric CSV', async () => {
    const p = await folder('text', { 'a.npy': good, 'b.csv': 'x,y\n1,2\n3,four\n5,6\n' })
    expect(await refusal(loadLayerDumps(p))).toMatch(/b\.csv: line 3, column 2: "four" is not a number/)
  })

  it('a truncated NPY', async () => {
    const p = await folder('truncated', { 'a.npy': good, 'b.npy': good.subarray(0, good.length - 3) })
    expect(await refusal(loadLayerDumps(p))).toMatch(/b\.npy: truncated/)
  })

  it('a file over the size cap, and more layers than the cap', async () => {
    const p = await folder('big', { 'a.npy': good, 'b.npy': good })
    expect(await refusal(loadLayerDumps(p, { maxFileBytes: good.length - 1 }))).toMatch(
      new RegExp(`a\\.npy is ${good.length} bytes, over the ${good.length - 1}-byte limit`)
    )
    const q = await folder('many', { 'l1.npy': good, 'l2.npy': good, 'l3.npy': good })
    expect(await refusal(loadLayerDumps(q, { maxLayers: 2 }))).toMatch(/3 layers, over the limit of 2/)
  })

  it('a bad manifest, a manifest naming a missing file, a single layer', async () => {
    const p = await folder('bad-manifest', { 'a.npy': good, 'layers.json': JSON.stringify({ layers: ['../a.npy'] }) })
    expect(await refusal(loadLayerDumps(p))).toMatch(/layers\.json: layers\.0: a plain file or member name/)
    const q = await folder('missing', { 'a.npy': good, 'layers.json': JSON.stringify({ layers: ['a.npy', 'b.npy'] }) })
    expect(await refusal(loadLayerDumps(q))).toMatch(/lists b\.npy, which is not in/)
    const r = await folder('single', { 'a.npy': good })
    expect(await refusal(loadLayerDumps(r))).toMatch(/at least 2 layers/)
  })

  it('a per-layer NPZ holding several arrays among other layer files', async () => {
    const p = await folder('multi-in-folder', { 'a.npy': good })
    await copyFile(join(FIX, 'stack.npz'), join(p, 'b.npz'))
    expect(await refusal(loadLayerDumps(p))).toMatch(/b\.npz: a per-layer \.npz must hold one array, it holds 3/)
  })
})
