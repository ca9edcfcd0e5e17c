// `nagare analyze`: in-process through main() on the NumPy fixtures and on a TF.js model with known
// weights, exit codes for bad input and options, --out writing an analysis folder; and one real spawn of
// `node bin/nagare.js`.
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../electron/cli/main'
import { readNpy } from '../../../electron/engine/formats/npy'
import { buildModel, forwardPlain, LAYER_NAMES, writeModel } from '../engine/layers/tfjs-fixture'
import { captureIo } from './cli-io'

const ROOT = resolve(__dirname, '../../..')
const FIX = join(ROOT, 'tests', 'fixtures', 'layers')
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-analyze-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(dir)
  const code = await main(['node', 'nagare', 'analyze', ...args], io)
  return { code, out: io.out(), err: io.err() }
}

describe('nagare analyze', () => {
  it('prints the per-layer report as JSON for one .npz holding every layer', async () => {
    const r = await run([join(FIX, 'stack_deflated.npz'), '--k', '4', '--seed', '3'])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out)
    // hidden[i] depends on i mod 7 only: rows i and j coincide when i = j (mod 7), which is
    // 5 C(6,2) + 2 C(5,2) = 95 of the C(40,2) = 780 pairs (residues 0-4 hold 6 rows, 5-6 hold 5)
    expect(report.rows[1].merging).toBe(95 / 780)
    expect(report.flags.map((f: { kind: string; layer: number }) => [f.kind, f.layer])).toEqual([
      ['merging', 1],
      ['neighbours', 1]
    ])
    expect(r.err).toMatch(/^nagare: flag: layer 1 \(hidden\) merges 12% of point pairs that were distinct at the input \(threshold 5%\)\n {2}remedy: /)
    expect(report.rows.map((x: { name: string }) => x.name)).toEqual(['input', 'hidden', 'output'])
    expect(report.options).toMatchObject({ k: 4, seed: 3 })
    // output = 2 input + 1 (float32) is affine in the input: CKA 1, neighbours kept (k = 4: no ties on
    // the evenly spaced input line, where an odd k would tie at the k-th rank)
    expect(report.rows[2].ckaToInput).toBeCloseTo(1, 6)
    expect(report.rows[2].knnPreservation).toBe(1)
    expect(report.rows[0].entropy).toEqual(expect.any(Number))
  })

  it('uses labels.npy beside the dumps and writes an analysis folder with --out', async () => {
    const r = await run([join(FIX, 'dumps'), '--out', 'report'])
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/using labels from .*labels\.npy/)
    expect((await readdir(join(dir, 'report'))).sort()).toEqual(['analysis.json', 'labels.npy', 'layers.csv', 'layers.json', 'projection.npy'])
    const record = JSON.parse(await readFile(join(dir, 'report', 'analysis.json'), 'utf8'))
    expect(record).toMatchObject({ version: 1, name: 'dumps', source: 'dumps', labels: true, projection: { file: 'projection.npy', shape: [3, 40, 3] } })
    expect(record.layers.map((l: { name: string }) => l.name)).toEqual(['layer_1', 'layer_2', 'layer_10'])
    const proj = await readNpy(join(dir, 'report', 'projection.npy'))
    expect(proj.dtype).toBe('<f4')
    expect(proj.shape).toEqual([3, 40, 3])
    const saved = JSON.parse(await readFile(join(dir, 'report', 'layers.json'), 'utf8'))
    expect(saved).toEqual(JSON.parse(r.out))
    expect(saved.rows[0].separability).toEqual(expect.any(Number))
    expect((await readFile(join(dir, 'report', 'layers.csv'), 'utf8')).trimEnd().split('\n')).toHaveLength(4)
  })

  it('exit 2, nothing written: a non-empty --out, bad input, bad options, mismatched labels', async () => {
    await mkdir(join(dir, 'full'))
    await writeFile(join(dir, 'full', 'x'), '')
    const full = await run([join(FIX, 'stack.npz'), '--out', 'full'])
    expect(full.code).toBe(2)
    expect(full.err).toMatch(/exists and is not empty/)
    expect(full.out).toBe('')
    const missing = await run(['nowhere', '--out', 'never'])
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/cannot read .*nowhere/)
    expect((await readdir(dir)).includes('never')).toBe(false)
    const k = await run([join(FIX, 'stack.npz'), '--k', 'ten'])
    expect(k.code).toBe(2)
    expect(k.err).toMatch(/--k must be an integer of at least 1, got "ten"/)
    await writeFile(join(dir, 'labels.csv'), '1\n2\n')
    const labels = await run([join(FIX, 'stack.npz'), '--labels', 'labels.csv'])
    expect(labels.code).toBe(2)
    expect(labels.err).toMatch(/labels\.csv: 2 labels, but the layers hold 40 points/)
  })

  it('runs a TF.js model.json on --data (CSV or builtin) and writes the analysis folder', async () => {
    const model = await writeModel(join(dir, 'model'), await buildModel())
    const points = [
      [0.5, -1],
      [1, 2],
      [-0.25, 0.75],
      [2, 0],
      [-1.5, -0.5],
      [0.1, 0.2]
    ]
    await writeFile(join(dir, 'points.csv'), points.map((p) => p.join(',')).join('\n') + '\n')
    const r = await run([model, '--data', 'points.csv', '--k', '2', '--out', 'model-out'])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out)
    expect(report.rows.map((x: { name: string }) => x.name)).toEqual(['input', ...LAYER_NAMES])
    const record = JSON.parse(await readFile(join(dir, 'model-out', 'analysis.json'), 'utf8'))
    expect(record).toMatchObject({
      source: 'tfjs-model',
      name: 'model.json',
      dataset: { kind: 'file', n: 6, d: 2 },
      model: { className: 'Sequential', inputShape: [2] },
      labels: false
    })
    expect((await readdir(join(dir, 'model-out'))).sort()).toEqual(['analysis.json', 'layers.csv', 'layers.json', 'projection.npy'])
    // independent truth: with 6 points all 15 pairs are used, so each layer's distance correlation with
    // the input is the Pearson correlation of pair distances from a plain-JS forward pass
    const pairDist = (rows: number[][]): number[] => rows.flatMap((p, i) => rows.slice(i + 1).map((q) => Math.hypot(...p.map((v, j) => v - q[j]))))
    const pearson = (a: number[], b: number[]): number => {
      const ma = a.reduce((s, v) => s + v, 0) / a.length
      const mb = b.reduce((s, v) => s + v, 0) / b.length
      const cov = a.reduce((s, v, i) => s + (v - ma) * (b[i] - mb), 0)
      return cov / Math.sqrt(a.reduce((s, v) => s + (v - ma) ** 2, 0) * b.reduce((s, v) => s + (v - mb) ** 2, 0))
    }
    const din = pairDist(points)
    forwardPlain(points).forEach((out, l) => expect(report.rows[l + 1].distanceCorrelation).toBeCloseTo(pearson(din, pairDist(out)), 5))

    const b = await run([join(dir, 'model'), '--data', 'builtin:circles:200', '--seed', '3'])
    expect(b.code).toBe(0)
    const rb = JSON.parse(b.out)
    expect(rb.n).toBe(200)
    expect(rb.rows[0].separability).toEqual(expect.any(Number))

    const badBuiltin = await run([model, '--data', 'builtin:swiss'])
    expect(badBuiltin.code).toBe(2)
    expect(badBuiltin.err).toMatch(/unknown built-in dataset "swiss" \(moons, circles/)
    const fewBuiltin = await run([model, '--data', 'builtin:moons:2'])
    expect(fewBuiltin.code).toBe(2)
    expect(fewBuiltin.err).toMatch(/need at least 3 points/)
    const none = await run([model])
    expect(none.code).toBe(2)
    expect(none.err).toMatch(/is a model: give the data to run through it with --data/)
    await writeFile(join(dir, 'wide.csv'), '1,2,3\n4,5,6\n7,8,9\n')
    const wide = await run([model, '--data', 'wide.csv', '--out', 'never2'])
    expect(wide.code).toBe(2)
    expect(wide.err).toMatch(/mismatched dimensions: the data has 3 features per point, the model's input takes 2/)
    const dumpsData = await run([join(FIX, 'dumps'), '--data', 'points.csv'])
    expect(dumpsData.code).toBe(2)
    expect(dumpsData.err).toMatch(/--data is for a model\.json/)
    expect((await readdir(dir)).includes('never2')).toBe(false)
  })

  it('spawned: node bin/nagare.js analyze prints JSON and exits 0', async () => {
    const r = await new Promise<{ code: number | null; stdout: string }>((done, reject) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'nagare.js'), 'analyze', join(FIX, 'manifest')], {
        cwd: dir,
        env: { ...process.env, NAGARE_CLI_FROM_SOURCE: '1' },
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let stdout = ''
      child.stdout.on('data', (d) => (stdout += d))
      child.on('error', reject)
      child.on('close', (code) => done({ code, stdout }))
    })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).rows.map((x: { name: string }) => x.name)).toEqual(['b', 'a'])
  }, 30_000)
})
