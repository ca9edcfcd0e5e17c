// `nagare analyze model.json --data <folder of images>`: a TF.js model taking [4, 5, 3] images (flatten,
// then dense) run on the ImageFolder fixture with image options; the data's shape checked against the
// model's input first (the layout named when it is the other one); image options refused for data
// that is not a folder; mixed sizes refused with nothing written.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as tf from '@tensorflow/tfjs-core'
import * as tfl from '@tensorflow/tfjs-layers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../electron/cli/main'
import { writeModel } from '../engine/layers/tfjs-fixture'
import { captureIo } from './cli-io'

const IMAGES = resolve(__dirname, '../../fixtures/images')
let dir: string
let model: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-analyze-images-'))
  const m = tfl.sequential({
    layers: [tfl.layers.flatten({ name: 'flat', inputShape: [4, 5, 3] }), tfl.layers.dense({ name: 'dense', units: 2, kernelInitializer: 'ones' })]
  })
  let art: tf.io.ModelArtifacts | undefined
  await m.save(
    tf.io.withSaveHandler(async (a) => {
      art = a
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }
    })
  )
  m.dispose()
  model = await writeModel(join(dir, 'model'), {
    modelJson: { modelTopology: art!.modelTopology, format: art!.format, weightsManifest: [{ paths: ['weights.bin'], weights: art!.weightSpecs }] },
    weights: new Uint8Array(art!.weightData as ArrayBuffer)
  })
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(dir)
  const code = await main(['node', 'nagare', 'analyze', model, ...args], io)
  return { code, out: io.out(), err: io.err() }
}

describe('nagare analyze on a folder of images', () => {
  it('runs the model on the images read NHWC and records the image options and classes', async () => {
    const r = await run(['--data', join(IMAGES, 'folder'), '--layout', 'nhwc', '--scale', '0-255', '--mean', '10', '--k', '2', '--out', 'rep'])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out)
    expect(report.rows.map((x: { name: string; width: number }) => [x.name, x.width])).toEqual([
      ['input', 60],
      ['flat', 60],
      ['dense', 2]
    ])
    // flatten is the identity on the flattened input
    expect(report.rows[1].ckaToInput).toBeCloseTo(1, 6)
    const record = JSON.parse(await readFile(join(dir, 'rep', 'analysis.json'), 'utf8'))
    expect(record.dataset).toEqual({
      kind: 'images',
      path: join(IMAGES, 'folder'),
      n: 4,
      shape: [4, 4, 5, 3],
      options: { channels: 'rgb', scale: '0-255', layout: 'nhwc', mean: [10] },
      classes: ['cat', 'dog']
    })
    expect(record.classes).toEqual(['cat', 'dog'])
    expect(record.labels).toBe(true)
  })

  it('checks the shape against the model before reading on, naming the layout to choose', async () => {
    const r = await run(['--data', join(IMAGES, 'folder'), '--out', 'nchw'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('the model takes [N,4,5,3], the data is [N,3,4,5]: the same values in the other layout; choose layout NHWC')
    expect(await readdir(dir)).not.toContain('nchw')
    const s = await run(['--data', join(IMAGES, 'folder'), '--layout', 'nhwc', '--image-size', '8x8'])
    expect(s.code).toBe(2)
    expect(s.err).toContain('the model takes [N,4,5,3], the data is [N,8,8,3]')
  })

  it('runs an ONNX model (PyTorch export, input [N,1,14,14]) on the folder resized to 14x14 gray', async () => {
    const io = captureIo(dir)
    const code = await main(
      [
        'node',
        'nagare',
        'analyze',
        resolve(__dirname, '../../fixtures/onnx/bnpool.onnx'),
        '--data',
        join(IMAGES, 'folder'),
        '--image-size',
        '14x14',
        '--channels',
        'gray',
        '--k',
        '2',
        '--out',
        'onnx-images'
      ],
      io
    )
    expect(io.err()).not.toContain('nagare: failed')
    expect(code).toBe(0)
    const record = JSON.parse(await readFile(join(dir, 'onnx-images', 'analysis.json'), 'utf8'))
    expect(record.source).toBe('onnx')
    expect(record.dataset).toMatchObject({
      kind: 'images',
      n: 4,
      shape: [4, 1, 14, 14],
      options: { size: [14, 14], channels: 'gray', scale: '0-1', layout: 'nchw' },
      classes: ['cat', 'dog']
    })
    expect(JSON.parse(io.out()).rows[0]).toMatchObject({ name: 'input', width: 196 })
    // without the resize the images are 4x5: the shape check refuses before recording
    const bad = captureIo(dir)
    expect(
      await main(
        ['node', 'nagare', 'analyze', resolve(__dirname, '../../fixtures/onnx/bnpool.onnx'), '--data', join(IMAGES, 'folder'), '--channels', 'gray'],
        bad
      )
    ).toBe(2)
    expect(bad.err()).toMatch(/\[1, 4, 5\].*\[1, 14, 14\]/)
  })

  it('refuses mixed sizes, bad options and image options for data that is not a folder', async () => {
    const mixed = await run(['--data', join(IMAGES, 'mixed'), '--layout', 'nhwc', '--out', 'mixed'])
    expect(mixed.code).toBe(2)
    expect(mixed.err).toContain('b.png is 6x4 pixels, but a.png is 5x4')
    expect(await readdir(dir)).not.toContain('mixed')
    expect((await run(['--data', join(IMAGES, 'folder'), '--image-size', '0x3'])).err).toContain('--image-size must be HxW or one side')
    expect((await run(['--data', join(IMAGES, 'folder'), '--mean', '1,2'])).err).toContain('--mean has 2 values; give one, or one per channel (3)')
    expect((await run(['--data', join(IMAGES, 'folder'), '--layout', 'chw'])).err).toContain('--layout must be one of nchw, nhwc')
    expect((await run(['--data', 'builtin:moons', '--image-size', '4x5'])).err).toContain(
      'image options (--image-size) are for a folder of images; builtin:moons is not a folder'
    )
  })
})
