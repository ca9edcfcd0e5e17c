// The ONNX wizard's engine side through the service: models.inspect on a PyTorch-exported model,
// inputs.stage (an .npy array; a folder of images with relative paths), layers.start with source 'onnx'
// on staged data: the analysis names the data as the user picked it, row 0 is the data, labels come
// from the sub-folders; a wrong shape fails before anything is written; path tricks are refused.
import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EngineService, JobEvent } from '../../../../shared/contract'
import { closeEngineService, openEngineService, waitForJobEnd } from '../service-fixture'
import { decodeNpyAny } from '../../../../electron/engine/formats/npy'
import { english, type Message } from '../../../../shared/messages'

const ONNX = resolve(__dirname, '../../../fixtures/onnx')
const IMAGES = resolve(__dirname, '../../../fixtures/images/folder')
let ws: string
let service: EngineService
const events: JobEvent[] = []

beforeAll(async () => {
  ;({ ws, service } = await openEngineService('nagare-onnx-gui-', events))
})
afterAll(async () => {
  await closeEngineService(service, ws)
})

const waitForEnd = (jobId: string): Promise<JobEvent> => waitForJobEnd(events, jobId)
const b64 = async (path: string): Promise<string> => (await readFile(path)).toString('base64')
const model = async (name: string) => [{ name: `${name}.onnx`, content: await b64(join(ONNX, `${name}.onnx`)) }]
const imageUploads = async () =>
  Promise.all(['cat/0.png', 'cat/1.png', 'dog/0.jpg', 'dog/sub/2.png'].map(async (p) => ({ name: p, content: await b64(join(IMAGES, p)) })))

describe('ONNX analysis from the app', () => {
  it('inspects an uploaded .onnx model for the picker', async () => {
    const r = await service.call('models.inspect', (await model('rescnn'))[0])
    if (!r.ok) throw new Error(english(r.error.message))
    expect(r.value.inputs[0].shape?.slice(1)).toEqual([3, 6, 6])
    expect(r.value.defaultLayers.length).toBeGreaterThan(0)
    expect(r.value.residualBlocks.map((b) => b.add)).toEqual(['/block1/add/Add', '/block2/add/Add'])
    // the renderer's picker test reads this inspection from a file: it must stay what the engine says
    expect(r.value).toEqual(JSON.parse(await readFile(resolve(__dirname, '../../../fixtures/images/rescnn.inspection.json'), 'utf8')))
    const bad = await service.call('models.inspect', { name: 'model.json', content: 'e30=' })
    expect(bad.ok).toBe(false)
  })

  it('records the default layers on a staged .npy and names the data by its file', async () => {
    const staged = await service.call('inputs.stage', { files: [{ name: 'rescnn.x.npy', content: await b64(join(ONNX, 'rescnn.x.npy')) }] })
    if (!staged.ok) throw new Error(english(staged.error.message))
    expect(staged.value.files).toBe(1)
    const r = await service.call('layers.start', {
      name: 'res',
      source: 'onnx',
      files: await model('rescnn'),
      data: { kind: 'staged', token: staged.value.token, label: 'rescnn.x.npy' },
      k: 3
    })
    if (!r.ok) throw new Error(english(r.error.message))
    const end = await waitForEnd(r.value.jobId)
    expect(end.type).toBe('done')
    const got = await service.call('layers.get', { id: (end as { runId: string }).runId })
    if (!got.ok) throw new Error(english(got.error.message))
    const x = decodeNpyAny(await readFile(join(ONNX, 'rescnn.x.npy')))
    expect(got.value.record.source).toBe('onnx')
    expect(got.value.record.dataset).toEqual({ kind: 'array', path: 'rescnn.x.npy', n: 24, shape: [24, 3, 6, 6] })
    expect(got.value.report.rows[0].width).toBe(108)
    expect(got.value.record.n).toBe(x.shape[0])
    // the token is used up: staging a second analysis starts afresh
    expect((await service.call('inputs.stage', { token: staged.value.token, files: [{ name: 'a.npy', content: 'AA==' }] })).ok).toBe(false)
  })

  it('reads a staged image folder with the options given, labels from sub-folders', async () => {
    const staged = await service.call('inputs.stage', { files: await imageUploads() })
    if (!staged.ok) throw new Error(english(staged.error.message))
    const image = { size: [14, 14] as [number, number], channels: 'gray' as const, scale: '0-1' as const, layout: 'nchw' as const }
    const r = await service.call('layers.start', {
      name: 'imgs',
      source: 'onnx',
      files: await model('bnpool'),
      data: { kind: 'staged', token: staged.value.token, label: 'folder', image },
      k: 2
    })
    if (!r.ok) throw new Error(english(r.error.message))
    const end = await waitForEnd(r.value.jobId)
    if (end.type === 'failed') throw new Error(english(end.error.message))
    const got = await service.call('layers.get', { id: (end as { runId: string }).runId })
    if (!got.ok) throw new Error(english(got.error.message))
    expect(got.value.record.dataset).toEqual({ kind: 'images', path: 'folder', n: 4, shape: [4, 1, 14, 14], options: image, classes: ['cat', 'dog'] })
    expect(got.value.record.classes).toEqual(['cat', 'dog'])
    expect(got.value.record.labels).toBe(true)
  })

  it('fails a wrong shape before writing, naming the upload, and refuses paths leaving the folder', async () => {
    const before = await readdir(join(ws, 'analyses')).catch(() => [])
    const staged = await service.call('inputs.stage', { files: await imageUploads() })
    if (!staged.ok) throw new Error(english(staged.error.message))
    const r = await service.call('layers.start', {
      name: 'bad',
      source: 'onnx',
      files: await model('bnpool'),
      data: { kind: 'staged', token: staged.value.token, label: 'folder' },
      k: 2
    })
    if (!r.ok) throw new Error(english(r.error.message))
    const end = await waitForEnd(r.value.jobId)
    expect(end.type).toBe('failed')
    expect(english((end as { error: { message: Message } }).error.message)).toMatch(/\[3, 4, 5\].*\[1, 14, 14\]/)
    expect(await readdir(join(ws, 'analyses')).catch(() => [])).toEqual(before)
    for (const name of ['../x.png', 'a/../../x.png', '.hidden/x.png', 'a//x.png', 'C:\\x.png'])
      expect((await service.call('inputs.stage', { files: [{ name, content: 'AA==' }] })).ok, name).toBe(false)
  })
})
