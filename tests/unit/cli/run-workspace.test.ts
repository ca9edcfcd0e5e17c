// `nagare run --workspace`: a trained flow on a dataset imported into the app's workspace runs from the
// command line too (without the workspace the same spec is refused, naming flow.data.id).
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../electron/cli/main'
import { createRng } from '../../../electron/engine/sampling/random'
import { saveDataset } from '../../../electron/engine/datasets/store'
import { captureIo } from './cli-io'

let dir = ''
let id = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-cli-ws-'))
  const rng = createRng(5)
  const n = 200
  const points = new Float64Array(n * 2)
  const labels = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    labels[i] = i % 2
    points[2 * i] = 0.4 * rng.normal() + (labels[i] ? 2 : -2)
    points[2 * i + 1] = 0.4 * rng.normal()
  }
  const info = await saveDataset(join(dir, 'ws'), {
    name: 'blobs',
    fileName: 'blobs.csv',
    format: 'csv',
    original: new TextEncoder().encode('x,y,c\n'),
    points,
    n,
    d: 2,
    featureNames: ['x', 'y'],
    labels,
    labelName: 'c',
    classes: ['a', 'b']
  })
  id = info.id
  const spec = {
    version: 1,
    name: 'cli dataset',
    seed: 1,
    distribution: { kind: 'preset', name: 'paper-44' },
    particles: { kind: 'sample', count: 200 },
    flow: {
      kind: 'neural-ode',
      task: 'classify',
      data: { kind: 'dataset', id },
      model: { width: 8, hiddenLayers: 1 },
      training: { epochs: 3, batchSize: 50, learningRate: 0.05, solver: 'euler', depth: 1, stepSize: 0.5 }
    },
    integration: { solver: 'rk4', depth: 1, stepSize: 0.5, samples: 3 }
  }
  await import('node:fs/promises').then((fs) => fs.writeFile(join(dir, 'spec.json'), JSON.stringify(spec)))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('nagare run --workspace', () => {
  it('runs a classifier on an imported dataset and records its classes', async () => {
    const io = captureIo(dir)
    const code = await main(['node', 'nagare', 'run', 'spec.json', '--out', 'out', '--workspace', 'ws', '--backend', 'wasm'], io)
    expect(code, io.err()).toBe(0)
    const m = JSON.parse(await readFile(join(dir, 'out', 'run.json'), 'utf8'))
    expect(m.labels).toBe('class')
    expect(m.training.classes).toEqual(['a', 'b'])
  }, 60_000)

  it('refuses the dataset without a workspace, naming the field', async () => {
    const io = captureIo(dir)
    const code = await main(['node', 'nagare', 'run', 'spec.json', '--out', 'out2', '--backend', 'wasm'], io)
    expect(code).toBe(2)
    expect(io.err()).toMatch(/flow\.data\.id/)
  }, 60_000)
})
