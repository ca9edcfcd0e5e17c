// `nagare analyze ... --compare-data` and `nagare compare-analyses`, in-process through main(): the shift
// of each row against the energy distance and MMD computed directly on the recorded inputs, flags of kind
// shift, the compare data projected with the reference's PCA (a compare point equal to a reference point
// lands on the same spot), and the comparison of two analysis folders.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../electron/cli/main'
import { energyDistance } from '../../../electron/engine/metrics/energy'
import { createRng } from '../../../electron/engine/sampling/random'
import { readNpy, writeNpy } from '../../../electron/engine/formats/npy'
import { buildModel, writeModel } from '../engine/layers/tfjs-fixture'
import { captureIo } from './cli-io'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-shift-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(dir)
  const code = await main(['node', 'nagare', ...args], io)
  return { code, out: io.out(), err: io.err() }
}

function gaussian(n: number, w: number, seed: number, shift: number[] = []): Float64Array {
  const rng = createRng(seed)
  return Float64Array.from({ length: n * w }, (_, i) => rng.normal() + (shift[i % w] ?? 0))
}

/** a dumps folder: input [n, 4], a layer keeping only the first two coordinates (drops the shift in 3, 4), a scaled copy */
async function dumps(name: string, x: Float64Array): Promise<string> {
  const n = x.length / 4
  const d = join(dir, name)
  await mkdir(d, { recursive: true })
  const kept = new Float64Array(2 * n)
  for (let i = 0; i < n; i++) kept.set([x[4 * i], x[4 * i + 1]], 2 * i)
  await writeNpy(join(d, 'a_input.npy'), x, [n, 4])
  await writeNpy(join(d, 'b_kept.npy'), kept, [n, 2])
  await writeNpy(
    join(d, 'c_scaled.npy'),
    kept.map((v) => 2 * v),
    [n, 2]
  )
  return d
}

describe('nagare analyze --compare-data', () => {
  it('adds the shift of each layer of two dumps folders, and writes the compare projection', async () => {
    const ref = gaussian(80, 4, 1)
    const cmp = gaussian(50, 4, 2, [0, 0, 2, -2])
    // the first 5 compare points are reference points: they must project where those do
    cmp.set(ref.subarray(0, 20), 0)
    await dumps('ref', ref)
    await dumps('new', cmp)
    const r = await run(['analyze', 'ref', '--compare-data', 'new', '--out', 'shifted'])
    expect(r.code, r.err).toBe(0)
    const report = JSON.parse(r.out)
    const direct = energyDistance(ref, 80, cmp, 50, 4).value
    expect(report.rows[0].shift.energy).toBeCloseTo(direct, 10)
    expect(Object.keys(report.rows[1].shift)).toEqual(expect.arrayContaining(['energy', 'mmd', 'slicedW2']))
    expect(report.shift).toMatchObject({ referencePoints: 80, comparePoints: 50, subsampled: false, absorbedAt: 1, growsAt: null })
    expect(report.rows[1].shift.energyRatio).toBeLessThan(0.2)
    expect(report.flags.filter((f: { kind: string }) => f.kind === 'shift')).toEqual([])
    const files = (await readdir(join(dir, 'shifted'))).sort()
    expect(files).toEqual(['analysis.json', 'compare-projection.npy', 'layers.csv', 'layers.json', 'projection.npy', 'shift.json'])
    const record = JSON.parse(await readFile(join(dir, 'shifted', 'analysis.json'), 'utf8'))
    expect(record.compare).toEqual({
      dataset: { kind: 'dumps', n: 50, d: 4 },
      n: 50,
      projection: { file: 'compare-projection.npy', shape: [3, 50, 3] },
      labels: false
    })
    const csv = (await readFile(join(dir, 'shifted', 'layers.csv'), 'utf8')).split('\n')
    expect(csv[0]).toMatch(/,motionRatio,shiftEnergy,shiftMmd,shiftSlicedW2,shiftEnergyCoefficient,shiftEnergyRatio,shiftKnnRatio$/)
    expect(Number(csv[1].split(',').at(-6))).toBe(report.rows[0].shift.energy)
    const p = await readNpy(join(dir, 'shifted', 'projection.npy'))
    const q = await readNpy(join(dir, 'shifted', 'compare-projection.npy'))
    expect(q.shape).toEqual([3, 50, 3])
    for (let l = 0; l < 3; l++) for (let i = 0; i < 5; i++) for (let c = 0; c < 3; c++) expect(q.data[(l * 50 + i) * 3 + c]).toBe(p.data[(l * 80 + i) * 3 + c])
  })

  it('measures the shift of every layer of a TF.js model run on two draws of one distribution (near 0 throughout)', async () => {
    // the fixture model (2 -> 8 -> 8 -> 8 -> 2, tanh) on moons, and on another draw of moons
    const model = await writeModel(join(dir, 'model'), await buildModel())
    const base = await run(['analyze', model, '--data', 'builtin:moons:60', '--seed', '3'])
    const r = await run(['analyze', model, '--data', 'builtin:moons:60', '--compare-data', 'builtin:moons:60', '--seed', '3'])
    expect(r.code, r.err).toBe(0)
    const report = JSON.parse(r.out)
    expect(report.rows).toHaveLength(5)
    // moons drawn with seed 3 and seed 4: one distribution, so every layer's energy coefficient is near 0
    for (const row of report.rows) expect(Math.abs(row.shift.energyCoefficient)).toBeLessThan(0.05)
    // the reference part of the report is the one without --compare-data
    const plain = JSON.parse(base.out)
    expect(report.rows.map((x: { ckaToInput: number }) => x.ckaToInput)).toEqual(plain.rows.map((x: { ckaToInput: number }) => x.ckaToInput))
  })

  it('refuses compare dumps whose layers differ', async () => {
    const d = join(dir, 'other')
    await mkdir(d)
    await writeNpy(join(d, 'a.npy'), gaussian(10, 4, 5), [10, 4])
    await writeNpy(join(d, 'b.npy'), gaussian(10, 3, 5), [10, 3])
    await writeNpy(join(d, 'c.npy'), gaussian(10, 2, 5), [10, 2])
    const r = await run(['analyze', 'ref', '--compare-data', 'other'])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/layer 1 \(b_kept\) has width 3 on the compare data but 2 on the reference/)
  })
})

describe('nagare analyze: residual runs and inherited losses', () => {
  it('reads residual runs marked in layers.json and lists layers that inherit a loss under its cause', async () => {
    const d = join(dir, 'marked')
    await mkdir(d)
    const x = gaussian(60, 2, 11)
    // layer "squash" sends the first half of the points to one spot; "copy" and "shifted" carry that on
    const squash = x.map((v, t) => (t < 60 ? 7 : v))
    await writeNpy(join(d, 'input.npy'), x, [60, 2])
    await writeNpy(join(d, 'squash.npy'), squash, [60, 2])
    await writeNpy(
      join(d, 'copy.npy'),
      squash.map((v) => v + 0.5),
      [60, 2]
    )
    await writeNpy(
      join(d, 'shifted.npy'),
      squash.map((v) => v + 1),
      [60, 2]
    )
    await writeFile(join(d, 'layers.json'), JSON.stringify({ layers: ['input.npy', 'squash.npy', 'copy.npy', 'shifted.npy'], residual: [[1, 3]] }))
    const r = await run(['analyze', 'marked', '--k', '5'])
    expect(r.code, r.err).toBe(0)
    const report = JSON.parse(r.out)
    expect(report.stretchSource).toBe('marked')
    expect(report.stretches).toEqual([{ from: 1, to: 3, width: 2, h: 0.5 }])
    const merging = report.flags.filter((f: { kind: string }) => f.kind === 'merging')
    expect(merging.map((f: { layer: number; inherited: number[] }) => [f.layer, f.inherited])).toEqual([[1, [2, 3]]])
    await writeFile(join(d, 'layers.json'), JSON.stringify({ layers: ['input.npy', 'squash.npy', 'copy.npy', 'shifted.npy'], residual: [[2, 5]] }))
    const bad = await run(['analyze', 'marked'])
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/residual run \[2, 5\] must name layers 0\.\.3 in order, all of one width/)
    expect(r.err).toMatch(
      /nagare: flag: layer 1 \(squash\) merges 25% of point pairs that were distinct at the input \(threshold 5%\)\n {2}carried on by layers 2, 3\n {2}remedy: /
    )
  })
})

describe('nagare analyze: the labels given are the labels kept', () => {
  it('keeps class indices as given, and saves the mapping of named labels', async () => {
    const x = gaussian(30, 4, 12)
    const d = await dumps('named', x)
    await writeFile(join(d, 'labels.csv'), Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? 'dog' : 'cat')).join('\n') + '\n')
    expect((await run(['analyze', 'named', '--out', 'named-out'])).code).toBe(0)
    const record = JSON.parse(await readFile(join(dir, 'named-out', 'analysis.json'), 'utf8'))
    expect(record).toMatchObject({ labels: true, labelMapping: 'mapped', classes: ['dog', 'cat'] })
    const saved = await readNpy(join(dir, 'named-out', 'labels.npy'))
    expect(Array.from(saved.data).slice(0, 4)).toEqual([0, 1, 1, 0])
    await writeFile(join(dir, 'idx.csv'), Array.from({ length: 30 }, (_, i) => (i % 2 ? 4 : 2)).join('\n') + '\n')
    expect((await run(['analyze', 'named', '--labels', 'idx.csv', '--out', 'idx-out'])).code).toBe(0)
    const kept = JSON.parse(await readFile(join(dir, 'idx-out', 'analysis.json'), 'utf8'))
    expect(kept.labelMapping).toBe('kept')
    expect(kept.classes).toBeUndefined()
    expect(Array.from((await readNpy(join(dir, 'idx-out', 'labels.npy'))).data).slice(0, 3)).toEqual([2, 4, 2])
  })
})

describe('nagare compare-analyses', () => {
  it('prints the per-layer differences of two analysis folders as JSON', async () => {
    await run(['analyze', 'ref', '--out', 'before'])
    const x = gaussian(80, 4, 1).map((v) => 3 * v)
    await dumps('ref3', x)
    await run(['analyze', 'ref3', '--out', 'after'])
    const r = await run(['compare-analyses', 'before', 'after'])
    expect(r.code, r.err).toBe(0)
    const c = JSON.parse(r.out)
    expect(c.matchedBy).toBe('name')
    expect(c.layers.map((l: { a: { name: string } }) => l.a.name)).toEqual(['a_input', 'b_kept', 'c_scaled'])
    // a 3x larger cloud: mean update of c_scaled (|2x - x| = |x|) triples
    const before = JSON.parse(await readFile(join(dir, 'before', 'layers.json'), 'utf8'))
    expect(c.layers[2].metrics.update.a).toBe(before.rows[2].update)
    expect(c.layers[2].metrics.update.b).toBeCloseTo(3 * before.rows[2].update, 10)
    expect(c.layers[2].metrics.knnPreservation.diff).toBe(0)
    const bad = await run(['compare-analyses', 'before', 'nowhere'])
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/nowhere is not an analysis folder/)
  })
})
