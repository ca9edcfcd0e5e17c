// Import end to end through the handlers: files in <workspace>/datasets/<id>/, loadDataset round trip,
// data.list newest first skipping unreadable folders, atomic writes, token expiry, size caps.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LIMITS } from '../../../../../shared/limits'
import { importStaged, previewUpload } from '../../../../../electron/engine/datasets/import/preview'
import { parseUpload } from '../../../../../electron/engine/datasets/import/parse'
import { Staging, TTL_MS } from '../../../../../electron/engine/datasets/import/staging'
import { listDatasets, loadDataset } from '../../../../../electron/engine/datasets/store'
import { dataHandlers } from '../../../../../electron/engine/handlers/data'
import type { HandlerContext } from '../../../../../electron/engine/handlers/types'
import { readNpyAny } from '../../../../../electron/engine/formats/npy'
import { message, stored, storedEnglish, type StoredMessage } from '../../../../../shared/messages'

const CSV = 'a,b,kind\r\n1,2,cat\r\n3,,dog\r\n5,6,cat\r\n'
let ws: string
beforeEach(async () => {
  ws = await mkdtemp(join(tmpdir(), 'nagare-ds-'))
})
afterEach(() => rm(ws, { recursive: true, force: true }))

describe('data handlers', () => {
  it('preview, import and list; the copy loads back exactly', async () => {
    const h = dataHandlers({ workspace: ws } as HandlerContext)
    const p = await h['data.preview']({ name: 'pets.csv', content: Buffer.from(CSV).toString('base64') })
    expect(p.rows).toBe(3)
    const info = await h['data.import']({ token: p.token, name: 'Pets', features: [0, 1], label: 2, missing: 'fill-mean' })
    expect(info).toMatchObject({
      name: 'Pets',
      fileName: 'pets.csv',
      format: 'csv',
      n: 3,
      d: 2,
      featureNames: ['a', 'b'],
      labelName: 'kind',
      classes: ['cat', 'dog']
    })
    expect(info.cleaning).toEqual([stored(message('import.filledOneMean'))])
    expect((info.cleaning as StoredMessage[]).map(storedEnglish)).toEqual(['filled 1 missing cell with the column mean'])
    const dir = join(ws, 'datasets', info.id)
    expect((await readdir(dir)).sort()).toEqual(['data.npy', 'dataset.json', 'labels.npy', 'original.csv'])
    expect(await readFile(join(dir, 'original.csv'), 'utf8')).toBe(CSV)
    const data = await readNpyAny(join(dir, 'data.npy'))
    expect(data.dtype).toBe('<f8')
    expect(data.shape).toEqual([3, 2])
    const loaded = await loadDataset(ws, info.id)
    // b's mean over present cells is (2 + 6) / 2 = 4
    expect(Array.from(loaded.points)).toEqual([1, 2, 3, 4, 5, 6])
    expect(Array.from(loaded.labels!)).toEqual([0, 1, 0])
    expect(loaded).toMatchObject({ n: 3, d: 2, featureNames: ['a', 'b'], classes: ['cat', 'dog'] })
    expect(await h['data.list']({})).toEqual([info])
    // the token is spent
    await expect(h['data.import']({ token: p.token, name: 'again', features: [0], missing: 'drop-rows' })).rejects.toThrow(/expired or was already imported/)
  })

  it('lists newest first and skips an unreadable folder with a logged reason, leaving it in place', async () => {
    const staging = new Staging()
    const bytes = new TextEncoder().encode('x\n1\n2\n')
    const first = await importStaged(staging, ws, { token: previewUpload(staging, 'a.csv', bytes).token, name: 'first', features: [0], missing: 'drop-rows' })
    await new Promise((r) => setTimeout(r, 5))
    const second = await importStaged(staging, ws, { token: previewUpload(staging, 'b.csv', bytes).token, name: 'second', features: [0], missing: 'drop-rows' })
    await mkdir(join(ws, 'datasets', 'broken-1'))
    await writeFile(join(ws, 'datasets', 'broken-1', 'dataset.json'), '{not json')
    const logs: string[] = []
    const list = await listDatasets(ws, (m) => logs.push(m))
    expect(list.map((d) => d.name)).toEqual(['second', 'first'])
    expect(list[0].id).toBe(second.id)
    expect(first.labelName).toBeUndefined()
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatch(/^dataset broken-1 skipped: /)
    expect(await readdir(join(ws, 'datasets'))).toContain('broken-1')
    await expect(loadDataset(ws, 'nope')).rejects.toThrow(/no dataset nope/)
    await expect(loadDataset(ws, '../etc')).rejects.toThrow(/not a dataset id/)
  })

  it('refuses a dataset whose data.npy was damaged, naming the file', async () => {
    const staging = new Staging()
    const { token } = previewUpload(staging, 'p.csv', new TextEncoder().encode(CSV))
    const info = await importStaged(staging, ws, { token, name: 'Pets', features: [0], missing: 'drop-rows' })
    const file = join(ws, 'datasets', info.id, 'data.npy')
    const bytes = await readFile(file)
    await writeFile(file, bytes.subarray(0, bytes.length - 8))
    await expect(loadDataset(ws, info.id)).rejects.toThrow(new RegExp(`dataset ${info.id} cannot be read: .*truncated`))
  })

  it('is atomic: a failure mid-write leaves nothing behind and the upload can be retried', async () => {
    const staging = new Staging()
    const { token } = previewUpload(staging, 'p.csv', new TextEncoder().encode(CSV))
    const request = { token, name: 'Pets', features: [0], label: 2, missing: 'drop-rows' as const }
    await expect(
      importStaged(staging, ws, request, {
        afterFile: (f) => {
          if (f === 'labels.npy') throw new Error('disk full (injected)')
        }
      })
    ).rejects.toThrow('disk full (injected)')
    expect(await readdir(join(ws, 'datasets'))).toEqual([])
    const info = await importStaged(staging, ws, request)
    expect(await readdir(join(ws, 'datasets'))).toEqual([info.id])
  })

  it('expires staged uploads after the TTL and bounds how many wait', () => {
    let t = 0
    const staging = new Staging(() => t)
    const table = parseUpload('x.csv', new TextEncoder().encode('1\n'))
    const token = staging.put('x.csv', new Uint8Array(), table)
    t = TTL_MS - 1
    expect(staging.get(token).fileName).toBe('x.csv')
    t = TTL_MS
    expect(() => staging.get(token)).toThrow(/expired/)
    for (let i = 0; i < 10; i++) staging.put('x.csv', new Uint8Array(), table)
    expect(staging.size).toBe(4)
  })

  it('refuses a file over the upload cap before parsing it', () => {
    const big = new Uint8Array(LIMITS.maxUploadBytes + 1).fill(0x31)
    expect(() => parseUpload('big.csv', big)).toThrow(
      'big.csv is larger than the 48.0 MB limit for one import (50,331,649 bytes): keep a sample of the rows or convert it to .npy'
    )
    expect(() => previewUpload(new Staging(), 'small.csv', new TextEncoder().encode('1,2\n3,4\n'), 4)).toThrow(
      /larger than the 0\.0 MB limit for one import \(8 bytes\)/
    )
  })
})
