// @vitest-environment happy-dom
// The analyze wizard's request as JSON: the review step shows exactly what Run sends (file contents left
// empty), valid for the contract's layers.start schema and naming the chosen data; it saves as a file;
// a saved file loads back (choices restored, files named to be picked again); a bad file is refused plainly.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { METHODS, type Result } from '@shared/contract'
import { createAppI18n } from '@/i18n'
import { createMockApi, flush } from '../helpers'
import { setApi } from '../api-double'

const mock = vi.hoisted(() => ({ saved: [] as [string, string][] }))
vi.mock('@/api', () => import('../api-double'))
vi.mock('@/export/download', async (orig) => ({
  ...(await orig<typeof import('@/export/download')>()),
  saveFile: (name: string, content: string) => void mock.saved.push([name, content])
}))
const AnalyzeWizard = (await import('@/views/AnalyzeWizard.vue')).default
const { parseRequestJson } = await import('@/components/analyze/requestJson')

type Api = ReturnType<typeof createMockApi>['api'] & Record<string, ReturnType<typeof vi.fn>>
let api: Api
const okR = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value })
const bytes = (s: string): Uint8Array<ArrayBuffer> => Uint8Array.from(new TextEncoder().encode(s))
const MODEL = JSON.stringify({ modelTopology: { class_name: 'Sequential' }, weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: [] }] })

function mountWizard(locale: 'en' | 'ja' = 'en'): VueWrapper {
  const pinia = createPinia()
  setActivePinia(pinia)
  return mount(AnalyzeWizard, { global: { plugins: [pinia, createAppI18n(locale)] }, attachTo: document.body })
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)
async function choose(w: VueWrapper, id: string, files: File[]): Promise<void> {
  const input = byId(w, id)
  Object.defineProperty(input.element, 'files', { value: files, configurable: true })
  await input.trigger('change')
  await flush()
}
async function next(w: VueWrapper): Promise<void> {
  await byId(w, 'analyze-next').trigger('submit')
  await flush()
}
/** a model on built-in helix-pair data, at the review step */
async function modelAtReview(w: VueWrapper): Promise<void> {
  await byId(w, 'source-model').find('input').setValue(true)
  await choose(w, 'model-files', [new File([bytes(MODEL)], 'model.json'), new File([bytes('abc')], 'group1-shard1of1.bin')])
  await next(w)
  await byId(w, 'builtin-name').setValue('helix-pair')
  await byId(w, 'builtin-points').setValue('300')
  await next(w)
  await byId(w, 'analyze-name').setValue('my model')
}
const shownJson = (w: VueWrapper): unknown => JSON.parse(byId(w, 'analyze-request-json').text())

beforeEach(() => {
  const m = createMockApi()
  setApi(m.api)
  mock.saved.length = 0
  api = m.api as Api
  api['layers.start'] = vi.fn(() => okR({ jobId: 'job-7' }))
  api['data.list'] = vi.fn(() => okR([]))
  document.body.innerHTML = ''
  history.replaceState(null, '', '#/analyze')
})

describe('analyze request JSON', () => {
  it('shows the request Run sends, contents left out; valid for layers.start; names the data; saves it', async () => {
    const w = mountWizard()
    await modelAtReview(w)
    const json = shownJson(w)
    expect(json).toEqual({
      name: 'my model',
      source: 'tfjs-model',
      files: [
        { name: 'model.json', content: '' },
        { name: 'group1-shard1of1.bin', content: '' }
      ],
      data: { kind: 'builtin', name: 'helix-pair', n: 300, seed: 7 },
      k: 10,
      seed: 7
    })
    expect(METHODS['layers.start'].safeParse(json).success).toBe(true)
    expect(byId(w, 'analyze-request').text()).toContain('pick the model or dump files again')
    // the same request, bytes and all, is what Run sends
    await byId(w, 'analyze-run').trigger('submit')
    await flush()
    const sent = api['layers.start'].mock.calls[0][0] as { files: { name: string; content: string }[] }
    expect(sent.files[1].content).toBe(Buffer.from('abc').toString('base64'))
    expect({ ...sent, files: sent.files.map((f) => ({ ...f, content: '' })) }).toEqual(json)
    await byId(w, 'analyze-request-save').trigger('click')
    expect(mock.saved).toHaveLength(1)
    expect(mock.saved[0][0]).toBe('my-model-request.json')
    expect(JSON.parse(mock.saved[0][1])).toEqual(json)
  })

  it('loads a saved request back: source, data, k, seed and name restored; files named to be picked again', async () => {
    const w = mountWizard()
    await modelAtReview(w)
    const text = JSON.stringify({
      name: 'from file',
      source: 'tfjs-model',
      files: [
        { name: 'model.json', content: '' },
        { name: 'w.bin', content: '' }
      ],
      data: { kind: 'builtin', name: 'moons', n: 500 },
      k: 30,
      seed: 11
    })
    await choose(w, 'analyze-request-load', [new File([bytes(text)], 'saved.json')])
    expect(byId(w, 'analyze-request-loaded').text()).toBe('Loaded saved.json. Pick its files again in step 1: model.json, w.bin.')
    expect((byId(w, 'analyze-name').element as HTMLInputElement).value).toBe('from file')
    expect((byId(w, 'k-preset-broad').find('input').element as HTMLInputElement).checked).toBe(true)
    // the model's files are gone, so Run waits for them
    expect(byId(w, 'analyze-run').attributes('disabled')).toBeDefined()
    expect(shownJson(w)).toMatchObject({ name: 'from file', files: [], data: { kind: 'builtin', name: 'moons', n: 500 }, k: 30, seed: 11 })
    await byId(w, 'analyze-tab-model').trigger('click')
    await flush()
    expect(byId(w, 'analyze-expected-files').text()).toContain('model.json, w.bin')
    await choose(w, 'model-files', [new File([bytes(MODEL)], 'model.json'), new File([bytes('abc')], 'group1-shard1of1.bin')])
    expect(byId(w, 'analyze-expected-files').exists()).toBe(false)
    await next(w)
    expect((byId(w, 'builtin-points').element as HTMLInputElement).value).toBe('500')
  })

  it('a file that is not JSON, or not a request, is refused with the reason; nothing changes', async () => {
    const w = mountWizard()
    await modelAtReview(w)
    const before = shownJson(w)
    await choose(w, 'analyze-request-load', [new File([bytes('{ nope')], 'broken.json')])
    expect(byId(w, 'analyze-request-problem').text()).toMatch(/^broken\.json is not JSON: /)
    await choose(w, 'analyze-request-load', [
      new File([bytes(JSON.stringify({ name: 'x', source: 'keras', files: [{ name: 'a', content: '' }] }))], 'other.json')
    ])
    expect(byId(w, 'analyze-request-problem').text()).toMatch(/^other\.json is not an analysis request: field source: Choose one of: /)
    expect(shownJson(w)).toEqual(before)
    expect(byId(w, 'analyze-run').attributes('disabled')).toBeUndefined()
  })

  it('the first step loads a request too (Japanese), and names the files to pick', async () => {
    const w = mountWizard('ja')
    const text = JSON.stringify({
      name: 'ダンプ',
      source: 'dumps',
      files: [
        { name: 'layer_1.npy', content: '' },
        { name: 'labels.npy', content: '' }
      ]
    })
    await choose(w, 'analyze-request-first-load', [new File([bytes(text)], 'r.json')])
    expect(byId(w, 'analyze-request-first-loaded').text()).toBe('r.json を読み込みました。')
    expect(byId(w, 'analyze-expected-files').text()).toContain('layer_1.npy, labels.npy')
    expect((byId(w, 'source-dumps').find('input').element as HTMLInputElement).checked).toBe(true)
  })
})

describe('parseRequestJson', () => {
  it('refuses an unknown built-in dataset and a model without data', () => {
    const base = { name: 'n', source: 'tfjs-model', files: [{ name: 'model.json', content: '' }] }
    expect(parseRequestJson(JSON.stringify({ ...base, data: { kind: 'builtin', name: 'mnist', n: 10 } }))).toMatchObject({
      ok: false,
      problem: 'schema',
      detail: { key: 'errmsg.fieldIssue', params: { field: 'data.name', issue: { key: 'import.unknownBuiltin', params: { name: 'mnist' } } } }
    })
    expect(parseRequestJson(JSON.stringify(base))).toMatchObject({
      ok: false,
      problem: 'schema',
      detail: { key: 'errmsg.fieldIssue', params: { field: 'data', issue: { key: 'import.modelNeedsData' } } }
    })
    expect(parseRequestJson(JSON.stringify({ ...base, data: { kind: 'dataset', id: 'ds-1' } }))).toMatchObject({ ok: true, fileNames: ['model.json'] })
  })
})
