// Import, dataset, model/dump and layer-analysis messages in Japanese: real failures and notes driven end to
// end in Node (a CSV with a bad column through data.preview, a truncated NPY, a corrupt NPZ, a model.json
// missing its shard, dumps that disagree, a layer that merges points, broken folders in a workspace), each
// read back by legacyText() as Japanese with the English unchanged; and a scan of the import sources for
// texts that still bypass the catalogue.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { english, message, renderMessage, stored, type Message, type StoredMessage } from '../../../shared/messages'
import { legacyText } from '../../../shared/messages/legacy'
import { getAnalysis, listAnalyses } from '../../../electron/engine/analysis-store/store'
import { applyMapping } from '../../../electron/engine/datasets/import/apply'
import { parseUpload } from '../../../electron/engine/datasets/import/parse'
import { summarize } from '../../../electron/engine/datasets/import/summary'
import { TableBuilder } from '../../../electron/engine/datasets/import/table'
import { listDatasets, loadDataset, saveDataset } from '../../../electron/engine/datasets/store'
import { EngineError } from '../../../electron/engine/errors'
import { dataHandlers } from '../../../electron/engine/handlers/data'
import { layersHandlers } from '../../../electron/engine/handlers/layers'
import type { HandlerContext } from '../../../electron/engine/handlers/types'
import { analyzeLayers } from '../../../electron/engine/layers/analyze'
import { loadLayerDumps, type LayerData } from '../../../electron/engine/layers/dumps'
import { modelArtifacts } from '../../../electron/engine/layers/model-files'
import { encodeNpy } from '../../../electron/engine/formats/npy'

const ROOT = resolve(__dirname, '../../..')
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/
/** three Latin words in a row: an English sentence left in the Japanese text */
const ENGLISH_PROSE = /\b[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}\b/

/** The English text stays as it is, the Japanese differs, has kana/kanji and no English prose outside `allowed` (user data, OS words). */
function japanese(m: Message | string, allowed: string[] = []): string {
  const en = typeof m === 'string' ? m : english(m)
  const ja = typeof m === 'string' ? legacyText(m, 'ja') : renderMessage(m, 'ja')
  if (typeof m === 'string') expect(legacyText(m, 'en')).toBe(en)
  expect(ja, en).not.toBe(en)
  expect(ja, en).toMatch(JAPANESE)
  let rest = ja
  for (const a of allowed) rest = rest.split(a).join('')
  expect(rest, `English left in: ${ja}`).not.toMatch(ENGLISH_PROSE)
  return ja
}

function thrown(f: () => unknown): EngineError {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError)
    return e as EngineError
  }
  throw new Error('expected a refusal')
}

async function rejected(p: Promise<unknown>): Promise<EngineError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(EngineError)
  return e as EngineError
}

let ws: string
beforeAll(async () => {
  ws = await mkdtemp(join(tmpdir(), 'nagare-import-messages-'))
})
afterAll(async () => {
  await rm(ws, { recursive: true, force: true })
})

const ctx = (): HandlerContext => ({ workspace: ws }) as HandlerContext
const b64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64')

describe('data import in Japanese', () => {
  // temp,pressure,machine,note / 20.5,1.0,A,ok / 21.5,,B,ok / NA,3.0,A,x / 22.0,4.0,C,fine / 23.0,abc,B,ok
  const csv = readFileSync(join(ROOT, 'tests/fixtures/data/bad-column.csv'))

  it('data.preview of a CSV with a non-numeric column states every issue in Japanese', async () => {
    const p = await dataHandlers(ctx())['data.preview']({ name: 'bad-column.csv', content: b64(csv) })
    expect(p.issues.map(english)).toContain(`column 'machine' is not numeric (3 examples: "A", "B", "C"): use it as the label or leave it out`)
    for (const issue of p.issues) japanese(issue)
    // the nested examples are rendered in Japanese too, the column name and cells kept
    const ja = p.issues.map((i) => renderMessage(i, 'ja'))
    expect(ja).toContain(`列 'machine' は数値ではありません（例 3 件: "A", "B", "C"）。ラベルとして使うか、取り込みから外してください`)
    expect(ja).toContain(`列 'pressure' に数値でないセルが 1 個あります（例 1 件: "abc"）。この列を外すか、「行を削除」で取り込んでその行を飛ばしてください`)
  })

  it('refusals and cleaning notes of the column mapping', () => {
    const table = parseUpload('bad-column.csv', csv)
    const e = thrown(() => applyMapping(table, { features: [0, 1], missing: 'fill-zero' }))
    expect(e.message).toBe(`column 'pressure', row 5: "abc" is not a number; leave the column out, or import with "drop rows" to skip such rows`)
    japanese(e.message, ['"abc"'])
    const mean = applyMapping(table, { features: [0], missing: 'fill-mean' })
    expect(mean.cleaning).toEqual([stored(message('import.filledOneMean'))])
    expect(mean.cleaning![0].text).toBe('filled 1 missing cell with the column mean')
    expect(renderMessage(mean.cleaning![0], 'ja')).toBe('欠損セル 1 個を列の平均で補完しました')
    const dropped = applyMapping(table, { features: [0, 1], missing: 'drop-rows' })
    expect(dropped.cleaning!.map((c) => c.text)).toEqual(['dropped 3 rows with missing or non-numeric values (2 of 5 kept)'])
    expect(renderMessage(dropped.cleaning![0], 'ja')).toBe('欠損値または数値でない値を含む行を 3 行削除しました（5 行中 2 行を残しました）')
    japanese(thrown(() => applyMapping(table, { features: [0], label: 0, missing: 'drop-rows' })).message)
  })

  it('an NPY with a truncated body, a CSV with a broken quote, an NPZ with a corrupt member', () => {
    const whole = encodeNpy(new Float64Array([1, 2, 3, 4]), [2, 2])
    const npy = thrown(() => parseUpload('t.npy', whole.subarray(0, whole.length - 3)))
    expect(npy.message).toBe('t.npy: truncated: shape [2, 2] needs 160 bytes, the file has 157')
    expect(legacyText(npy.message, 'ja')).toBe('t.npy: データが途中で切れています。形状 [2, 2] には 160 バイト必要ですが、ファイルは 157 バイトです')
    japanese(thrown(() => parseUpload('q.csv', new TextEncoder().encode('a,b\n1,"2\n3,4\n'))).message, ['Quoted field unterminated'])
    japanese(thrown(() => parseUpload('b.csv', Uint8Array.from([0x31, 0, 0x32]))).message)
    const zip = zipSync({ 'x.npy': encodeNpy(new Float64Array(16), [4, 4]) }, { level: 0 })
    zip[60] ^= 0xff // inside the stored member: its CRC-32 no longer matches
    const npz = thrown(() => parseUpload('c.npz', zip))
    expect(npz.message).toBe('c.npz: member x.npy fails its CRC-32 check (corrupt archive)')
    japanese(npz.message)
  })

  it('the subsample notice of a large file', () => {
    const b = new TableBuilder('csv', ['v'])
    const row = new Float64Array(1)
    for (let i = 0; i < 100_001; i++) {
      row[0] = i % 7
      b.addNumbers(row)
    }
    const notice = summarize(b.build()).notice!
    expect(english(notice)).toBe('statistics from 100,000 of 100,001 rows (an even sample); the import uses every row')
    expect(renderMessage(notice, 'ja')).toBe('統計量は 100,001 行のうち 100,000 行（均等な抜き取り）から計算しています。取り込みにはすべての行を使います')
  })

  it('datasets that cannot be found or read, with the reason inside translated too', async () => {
    japanese((await rejected(loadDataset(ws, 'nope'))).message)
    const info = await saveDataset(ws, {
      name: 'tiny',
      fileName: 'tiny.csv',
      format: 'csv',
      original: new Uint8Array([49]),
      points: new Float64Array([1, 2]),
      n: 2,
      d: 1,
      featureNames: ['v']
    })
    const file = join(ws, 'datasets', info.id, 'dataset.json')
    await writeFile(file, (await readFile(file, 'utf8')).replace(`"id": "${info.id}"`, '"id": "someone-else"'))
    const e = await rejected(loadDataset(ws, info.id))
    expect(e.message).toBe(`dataset ${info.id} cannot be read: dataset.json names id someone-else, the folder is ${info.id}`)
    expect(legacyText(e.message, 'ja')).toBe(
      `データセット ${info.id} を読み込めません: dataset.json の id は someone-else ですが、フォルダーは ${info.id} です`
    )
    const logs: string[] = []
    await listDatasets(ws, (m) => logs.push(m))
    expect(logs).toHaveLength(1)
    japanese(logs[0])
  })
})

describe('models, dumps and layer analyses in Japanese', () => {
  const modelJson = {
    format: 'layers-model',
    modelTopology: { class_name: 'Sequential', config: { name: 's', layers: [] } },
    weightsManifest: [{ paths: ['weights.bin'], weights: [{ name: 'dense/kernel', shape: [2, 2], dtype: 'float32' }] }]
  }
  const asFile = (name: string, v: unknown) => ({ name, bytes: new TextEncoder().encode(JSON.stringify(v)) })

  it('a model.json with a missing shard, a graph model, no model.json', () => {
    const missing = thrown(() => modelArtifacts([asFile('model.json', modelJson)]))
    expect(missing.message).toBe('missing weight file weights.bin (listed in model.json); give every weight shard with the model')
    expect(legacyText(missing.message, 'ja')).toBe(
      '重みファイル weights.bin がありません（model.json に記載）。モデルと一緒にすべての重みファイルを指定してください'
    )
    japanese(thrown(() => modelArtifacts([asFile('model.json', { format: 'graph-model', modelTopology: { node: [] } })])).message, ['tf.LayersModel'])
    japanese(thrown(() => modelArtifacts([{ name: 'weights.bin', bytes: new Uint8Array(16) }])).message)
    const short = thrown(() => modelArtifacts([asFile('model.json', modelJson), { name: 'weights.bin', bytes: new Uint8Array(12) }]))
    expect(short.message).toBe('weights do not match the topology: weights.bin hold 12 bytes, but the 1 weights listed for them (dense/kernel [2, 2]) need 16')
    japanese(short.message)
  })

  it('dumps whose layers disagree, and a layers.json naming a folder (its zod message nested)', async () => {
    const dir = join(ws, 'dumps')
    await mkdir(dir)
    await writeFile(join(dir, 'a.npy'), encodeNpy(new Float32Array(6), [3, 2]))
    await writeFile(join(dir, 'b.npy'), encodeNpy(new Float32Array(4), [2, 2]))
    const rows = await rejected(loadLayerDumps(dir))
    expect(rows.message).toBe(
      `${join(dir, 'b.npy')}: 2 rows, but ${join(dir, 'a.npy')} (the first layer) has 3: every layer must hold the same points in the same order`
    )
    japanese(rows.message)
    await writeFile(join(dir, 'layers.json'), JSON.stringify({ layers: ['../a.npy', 'b.npy'] }))
    const manifest = await rejected(loadLayerDumps(dir))
    expect(manifest.message).toMatch(/layers\.json: layers\.0: a plain file or member name, no folders \(expected "layers"/)
    expect(legacyText(manifest.message, 'ja')).toBe(
      `${join(dir, 'layers.json')}: layers.0: フォルダーを含まない、ファイル名またはメンバー名のみを指定してください（"layers" に層のファイルを順番に並べたリストが必要です）`
    )
  })

  it('layers.start names the staged folder "(the upload)", in Japanese too', async () => {
    const files = [
      { name: 'layers.json', content: b64(JSON.stringify({ layers: ['a.npy', 'gone.npy'] })) },
      { name: 'a.npy', content: b64(encodeNpy(new Float32Array(6), [3, 2])) }
    ]
    const e = await rejected(Promise.resolve().then(() => layersHandlers(ctx())['layers.start']({ name: 'd', source: 'dumps', files })))
    expect(e.message).toBe('layers.json lists gone.npy, which is not in (the upload)')
    expect(legacyText(e.message, 'ja')).toBe('layers.json に gone.npy が挙げられていますが、（アップロードしたファイル） にはありません')
    const twice = await rejected(
      Promise.resolve().then(() => layersHandlers(ctx())['layers.start']({ name: 'd', source: 'dumps', files: [files[1], files[1]] }))
    )
    japanese(twice.message)
  })

  it('a layer that merges points: the flag, the sampling note part by part, the entropy note', () => {
    const n = 60
    const x = Float64Array.from({ length: 4 * n }, (_, t) => Math.sin(t * 1.7) + t / 50)
    const merged = Float64Array.from(x, (v, t) => (t < 2 * n ? 5 : v)) // the first half of the points collapse to one
    const layers: LayerData[] = [
      { name: 'input', n, width: 4, data: x },
      { name: 'squash', n, width: 4, data: merged }
    ]
    const r = analyzeLayers(layers, { k: 5 })
    const flag = r.flags.find((f) => f.kind === 'merging')!
    const said = flag.message as StoredMessage
    expect(said.key).toBe('import.flagMergingNamed')
    expect(said.text).toMatch(/^layer 1 \(squash\) merges \d+% of point pairs that were distinct at the input \(threshold 5%\)$/)
    expect(renderMessage(said, 'ja')).toMatch(/^層 1（squash）は入力で異なっていた点のペアの \d+% を併合しています（しきい値 5%）$/)
    japanese(flag.remedy)
    const note = japanese(r.sampling.note, ['k-d'])
    // four parts, said as four Japanese sentences
    expect(note.split('。').filter(Boolean)).toHaveLength(4)
    // all 60 points are used: the note says so, not "subsample"
    expect(note).toContain('kNN 保存率と CKA は 60 点すべてで計算しています')
    japanese(r.rows[1].entropyNote!, ['kNN'])
  })

  it('analyses that cannot be read: listed with the problem, refused by id', async () => {
    const id = '20200101-000000-broken-abcd'
    await mkdir(join(ws, 'analyses', id), { recursive: true })
    await writeFile(join(ws, 'analyses', id, 'analysis.json'), '{"version": 1, "id": ')
    const problem = (await listAnalyses(ws)).find((a) => a.id === id)!.problem!
    const detail = /^analysis\.json cannot be read: (.*)$/.exec(english(problem))![1]
    japanese(problem, [detail])
    const e = await rejected(getAnalysis(ws, id))
    expect(e.message).toBe(`analysis ${id}: analysis.json cannot be read: ${detail}`)
    expect(legacyText(e.message, 'ja')).toBe(`解析 ${id}: analysis.json を読み込めません: ${detail}`)
    japanese((await rejected(getAnalysis(ws, 'no-such-analysis'))).message)
  })

  it('english(message()) keeps the English byte for byte', () => {
    expect(english(message('import.flagMotionNamed', { layer: 3, name: 'block3', ratio: '10.0', threshold: 3 }))).toBe(
      'layer 3 (block3) moves the data 10.0x more than its neighbours in the residual stretch (threshold 3x the median update)'
    )
  })
})

describe('import sources write no literal messages', () => {
  const OWNED = [
    'electron/engine/datasets/import',
    'electron/engine/datasets',
    'electron/engine/layers',
    'electron/engine/analysis-store',
    'electron/engine/handlers/data.ts',
    'electron/engine/handlers/layers.ts'
  ]
  /** guards of internal invariants the callers check first: never reach a user */
  const INTERNAL = [/throw new Error\(`k must be between 1 and n - 1/, /throw new RangeError\('no layers to project'\)/]

  function sources(path: string): string[] {
    const abs = join(ROOT, path)
    if (!statSync(abs).isDirectory()) return [abs]
    return readdirSync(abs).flatMap((f) => sources(join(path, f)))
  }

  it('has no EngineError, refusal helper, ZipError, note or progress with a literal text', () => {
    const patterns: [string, RegExp][] = [
      ['EngineError with a literal message', /new EngineError\(\s*[^,()]+,\s*[`'"]/g],
      ['refusal helper with a literal', /\b(invalid|refuse)\(\s*[`'"]/g],
      ['Error with a literal', /new (Zip|Range)?Error\(\s*[`'"]/g],
      ['literal pushed as an issue or note', /\b(issues|notes)\.push\(\s*[`'"]/g],
      ['literal message field', /\b(message|remedy|note|entropyNote|notice|problem|cleaning):\s*[`'"]/g],
      ['literal progress message', /\bprogress\??\.?\([^()]*,\s*[`'"]/g],
      ['literal log line', /\blog\(\s*[`'"]/g]
    ]
    const found: string[] = []
    const files = OWNED.flatMap(sources).filter((f) => f.endsWith('.ts'))
    expect(files.length).toBeGreaterThan(20)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      for (const [what, re] of patterns)
        for (const m of text.matchAll(re)) {
          const line = text.slice(text.lastIndexOf('\n', m.index) + 1, text.indexOf('\n', m.index))
          if (!INTERNAL.some((ok) => ok.test(line))) found.push(`${file.slice(ROOT.length + 1)}: ${what}: ${line.trim()}`)
        }
    }
    expect(found).toEqual([])
  })

  it('would catch a literal EngineError message', () => {
    expect(`throw new EngineError('invalid-request', \`line \${n} is bad\`)`).toMatch(/new EngineError\(\s*[^,()]+,\s*[`'"]/)
    expect(`throw new EngineError('invalid-request', english(message('import.noDataRows')))`).not.toMatch(/new EngineError\(\s*[^,()]+,\s*[`'"]/)
  })
})
