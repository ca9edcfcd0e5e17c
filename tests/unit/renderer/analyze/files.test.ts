// The wizard's checks on chosen files: a model.json with every weight file its manifest names, dumps with
// at least one layer file, sizes and counts against shared/limits.ts, and the NPY header row count
// checked on a NumPy-written fixture (40 rows, per tests/fixtures/layers/make_fixtures.py).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LIMITS } from '@shared/limits'
import { checkDumpFiles, checkModelFiles, dumpFilesOf, labelsUploadName, MAX_TOTAL_BYTES, npyRows, readModelJson } from '@/components/analyze/files'

const FIX = resolve(__dirname, '../../../fixtures/layers')
const f = (name: string, size = 100) => ({ name, size })
const keys = (ps: { key: string }[]) => ps.map((p) => p.key)
const MODEL_JSON = JSON.stringify({
  format: 'layers-model',
  modelTopology: { class_name: 'Sequential', config: { layers: [] } },
  weightsManifest: [{ paths: ['group1-shard1of2.bin', 'sub/group1-shard2of2.bin'], weights: [] }]
})

describe('model files', () => {
  const info = readModelJson(MODEL_JSON)

  it('reads the weight files a model.json lists (base names)', () => {
    expect(info).toEqual({ isModel: true, weightPaths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'] })
    expect(readModelJson('{"weightsManifest": []}').isModel).toBe(false)
    expect(readModelJson('{not json').parseError).toBeTruthy()
  })

  it('asks for files, then for a model.json, when none is chosen', () => {
    expect(keys(checkModelFiles([], null))).toEqual(['noFiles'])
    expect(keys(checkModelFiles([f('group1-shard1of2.bin')], null))).toEqual(['noModelJson'])
  })

  it('names the weight files model.json needs that were not chosen', () => {
    const ps = checkModelFiles([f('model.json'), f('group1-shard1of2.bin')], info)
    expect(ps).toEqual([{ key: 'weightsMissing', params: { names: 'group1-shard2of2.bin', count: 1 } }])
    expect(checkModelFiles([f('model.json'), f('group1-shard1of2.bin'), f('group1-shard2of2.bin')], info)).toEqual([])
  })

  it('refuses a JSON that is not a Layers model, two JSONs, and foreign files', () => {
    expect(keys(checkModelFiles([f('model.json')], readModelJson('{"a":1}')))).toEqual(['notModel'])
    expect(keys(checkModelFiles([f('model.json'), f('other.json')], null))).toEqual(['manyJson'])
    expect(keys(checkModelFiles([f('model.json'), f('readme.txt')], null))).toEqual(['notModelFile'])
  })

  it('refuses a file over maxUploadBytes, naming it and the limit; exactly the limit passes', () => {
    const big = f('group1-shard1of2.bin', LIMITS.maxUploadBytes + 1)
    const ps = checkModelFiles([f('model.json'), big, f('group1-shard2of2.bin')], info)
    expect(ps).toEqual([{ key: 'tooLarge', params: { name: 'group1-shard1of2.bin', size: LIMITS.maxUploadBytes + 1, limit: LIMITS.maxUploadBytes } }])
    expect(checkModelFiles([f('model.json'), f('group1-shard1of2.bin', LIMITS.maxUploadBytes), f('group1-shard2of2.bin')], info)).toEqual([])
  })

  it('refuses more files than maxUploadFiles, and a total the socket cannot carry', () => {
    const many = [f('model.json'), ...Array.from({ length: LIMITS.maxUploadFiles }, (_, i) => f(`w${i}.bin`))]
    expect(keys(checkModelFiles(many, readModelJson('{"modelTopology":{}}')))).toEqual(['tooMany'])
    const heavy = [f('model.json'), f('a.bin', LIMITS.maxUploadBytes), f('b.bin', LIMITS.maxUploadBytes)]
    expect(keys(checkModelFiles(heavy, readModelJson('{"modelTopology":{}}')))).toEqual(['totalTooLarge'])
    // base64 of the cap plus 64 KiB of JSON fits the browser-mode message limit
    expect(Math.ceil(MAX_TOTAL_BYTES / 3) * 4 + 64 * 1024).toBeLessThanOrEqual(LIMITS.maxMessageBytes)
  })
})

describe('dump files', () => {
  it('keeps layer files and layers.json from a folder, skips the rest', () => {
    const { kept, skipped } = dumpFilesOf([f('layer_1.npy'), f('notes.txt'), f('layers.json'), f('b.CSV'), f('.DS_Store'), f('._layer_1.npy')])
    expect(kept.map((x) => x.name)).toEqual(['layer_1.npy', 'layers.json', 'b.CSV'])
    expect(skipped.map((x) => x.name)).toEqual(['notes.txt', '.DS_Store', '._layer_1.npy'])
  })

  it('needs a layer file besides labels; checks the labels type; sizes count the renamed labels', () => {
    expect(keys(checkDumpFiles([], null))).toEqual(['noFiles'])
    expect(keys(checkDumpFiles([f('labels.npy'), f('layers.json')], null))).toEqual(['noLayers'])
    expect(checkDumpFiles([f('a.npy'), f('b.npz')], f('classes.csv'))).toEqual([])
    expect(keys(checkDumpFiles([f('a.npy')], f('classes.txt')))).toEqual(['labelsType'])
    expect(keys(checkDumpFiles([f('a.npy'), f('b.npy', LIMITS.maxUploadBytes + 1)], null))).toEqual(['tooLarge'])
    // a chosen labels file replaces the folder's own labels.npy rather than colliding with it
    expect(checkDumpFiles([f('a.npy'), f('labels.npy')], f('y.npy'))).toEqual([])
    expect(labelsUploadName('my classes.CSV')).toBe('labels.csv')
    // the engine refuses empty uploads: said before sending
    expect(checkDumpFiles([f('a.npy', 0)], null)).toEqual([{ key: 'empty', params: { name: 'a.npy' } }])
  })

  it('reads the row count from a NumPy-written .npy header; refuses non-NPY bytes', () => {
    const bytes = new Uint8Array(readFileSync(resolve(FIX, 'dumps/layer_1.npy')))
    expect(npyRows(bytes.subarray(0, 4096))).toBe(40)
    expect(npyRows(new TextEncoder().encode('x,y\n1,2\n'))).toBeNull()
  })
})
