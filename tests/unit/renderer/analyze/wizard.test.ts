// @vitest-environment happy-dom
// The analyze wizard: problems shown as files are chosen (no model.json, weights missing, a file over the
// upload limit) with Next blocked; Back keeps the choices; Run sends layers.start with the files as
// base64 under their names; progress and Cancel follow the job events; done opens the analysis page.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Result } from '@shared/contract'
import { LIMITS } from '@shared/limits'
import { createAppI18n } from '@/i18n'
import { createMockApi, flush } from '../helpers'
import { setApi } from '../api-double'
import { message } from '@shared/messages'

vi.mock('@/api', () => import('../api-double'))
// stands in for the data import component (its own tests cover it): a button that emits 'imported'
vi.mock('@/components/data/DataImport.vue', async () => {
  const { defineComponent, h } = await import('vue')
  return {
    default: defineComponent({
      name: 'DataImport',
      emits: ['imported'],
      setup(_, { emit }) {
        const info = {
          id: 'ds-9',
          name: 'sensors',
          fileName: 's.csv',
          format: 'csv',
          createdAt: '2026-01-01T00:00:00Z',
          n: 250,
          d: 2,
          featureNames: ['a', 'b']
        }
        return () => h('button', { 'data-testid': 'stub-import', type: 'button', onClick: () => emit('imported', info) })
      }
    })
  }
})
const AnalyzeWizard = (await import('@/views/AnalyzeWizard.vue')).default
const { useNavStore } = await import('@/stores/nav')

type Api = ReturnType<typeof createMockApi>['api'] & Record<string, ReturnType<typeof vi.fn>>
let m: ReturnType<typeof createMockApi>
let api: Api
const okR = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value })

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
const bytes = (s: string): Uint8Array<ArrayBuffer> => Uint8Array.from(new TextEncoder().encode(s))
const MODEL = JSON.stringify({ modelTopology: { class_name: 'Sequential' }, weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: [] }] })

beforeEach(() => {
  m = createMockApi()
  setApi(m.api)
  api = m.api as Api
  api['layers.start'] = vi.fn(() => okR({ jobId: 'job-7' }))
  api['data.list'] = vi.fn(() => okR([]))
  document.body.innerHTML = ''
  history.replaceState(null, '', '#/analyze')
})

describe('analyze wizard', () => {
  it('model: no model.json, then weights missing, then fixed; Next follows validity', async () => {
    const w = mountWizard()
    await byId(w, 'source-model').find('input').setValue(true)
    expect(byId(w, 'analyze-next').attributes('disabled')).toBeDefined()
    await choose(w, 'model-files', [new File([bytes('abc')], 'group1-shard1of1.bin')])
    expect(byId(w, 'model-problems').text()).toContain('No model.json among the chosen files')
    expect(byId(w, 'analyze-next').attributes('disabled')).toBeDefined()
    await choose(w, 'model-files', [new File([bytes(MODEL)], 'model.json')])
    expect(byId(w, 'model-problems').text()).toContain('model.json needs weight files that were not chosen: group1-shard1of1.bin.')
    expect(byId(w, 'analyze-next').attributes('disabled')).toBeDefined()
    await choose(w, 'model-files', [new File([bytes(MODEL)], 'model.json'), new File([bytes('abc')], 'group1-shard1of1.bin')])
    expect(byId(w, 'model-problems').exists()).toBe(false)
    expect(byId(w, 'analyze-next').attributes('disabled')).toBeUndefined()
  })

  it('says which file is too large and what the limit is', async () => {
    const w = mountWizard()
    const big = new File([bytes('x')], 'layer_2.npy')
    Object.defineProperty(big, 'size', { value: LIMITS.maxUploadBytes + 1 })
    await choose(w, 'dump-files', [new File([bytes('x')], 'layer_1.npy'), big])
    expect(byId(w, 'model-problems').text()).toBe('layer_2.npy is 48.0 MiB, over the 48.0 MiB limit for one file.')
    expect(byId(w, 'analyze-next').attributes('disabled')).toBeDefined()
  })

  it('dumps: Back keeps the choices; Run sends base64 files, labels renamed, k from the preset', async () => {
    const w = mountWizard()
    const layer1 = bytes('\x93NUMPY fake layer 1')
    await choose(w, 'dump-folder', [new File([layer1], 'layer_1.npy'), new File([bytes('1,2\n3,4\n')], 'layer_2.csv'), new File([bytes('hi')], 'notes.txt')])
    expect(byId(w, 'dump-skipped').text()).toContain('1 files left out')
    await choose(w, 'labels-file', [new File([bytes('0\n1\n')], 'classes.csv')])
    await byId(w, 'analyze-next').trigger('submit')
    await flush()
    expect(byId(w, 'data-dumps-note').exists()).toBe(true)
    await byId(w, 'analyze-next').trigger('submit')
    await flush()
    await byId(w, 'k-preset-local').find('input').trigger('change')
    await byId(w, 'analyze-name').setValue('dump run')
    expect(byId(w, 'cost-files').text()).toBe('3')
    // Back to the first step and forward again: nothing lost
    await byId(w, 'analyze-tab-model').trigger('click')
    await flush()
    expect(byId(w, 'dump-file-list').text()).toContain('layer_2.csv')
    expect(byId(w, 'labels-chosen').text()).toContain('classes.csv')
    await byId(w, 'analyze-tab-options').trigger('click')
    await flush()
    expect((byId(w, 'analyze-name').element as HTMLInputElement).value).toBe('dump run')

    await byId(w, 'analyze-run').trigger('submit')
    await flush()
    expect(api['layers.start']).toHaveBeenCalledTimes(1)
    expect(api['layers.start'].mock.calls[0][0]).toEqual({
      name: 'dump run',
      source: 'dumps',
      files: [
        { name: 'layer_1.npy', content: Buffer.from(layer1).toString('base64') },
        { name: 'layer_2.csv', content: Buffer.from('1,2\n3,4\n').toString('base64') },
        { name: 'labels.csv', content: Buffer.from('0\n1\n').toString('base64') }
      ],
      k: 5,
      seed: 7
    })

    m.emit({ jobId: 'job-7', type: 'progress', fraction: 0.4 })
    await flush()
    expect(byId(w, 'analyze-job').text()).toContain('40%')
    await byId(w, 'analyze-cancel').trigger('click')
    await flush()
    expect(m.api['jobs.cancel']).toHaveBeenCalledWith({ jobId: 'job-7' })
    m.emit({ jobId: 'job-7', type: 'done', runId: 'an-1' })
    await flush()
    const nav = useNavStore()
    expect(nav.screen).toBe('analysis')
    expect(nav.params).toEqual({ id: 'an-1' })
    expect(location.hash).toBe('#/analysis?id=an-1')
  })

  it('model: sends the built-in data choice; a refused start shows the engine message', async () => {
    api['layers.start'] = vi.fn(() =>
      Promise.resolve({ ok: false, error: { code: 'internal', message: message('errmsg.internal', { detail: 'layers.start is not available' }) } })
    )
    const w = mountWizard()
    await byId(w, 'source-model').find('input').setValue(true)
    await choose(w, 'model-files', [new File([bytes(MODEL)], 'model.json'), new File([bytes('abc')], 'group1-shard1of1.bin')])
    await byId(w, 'analyze-next').trigger('submit')
    await flush()
    expect(api['data.list']).toHaveBeenCalled()
    await byId(w, 'builtin-name').setValue('helix-pair')
    await byId(w, 'builtin-points').setValue('1')
    expect(byId(w, 'data-problems').text()).toContain('Number of points')
    expect(byId(w, 'analyze-next').attributes('disabled')).toBeDefined()
    await byId(w, 'builtin-points').setValue('300')
    await byId(w, 'analyze-next').trigger('submit')
    await flush()
    expect((byId(w, 'analyze-name').element as HTMLInputElement).value).toBe('model')
    expect(byId(w, 'cost-points').text()).toBe('300')
    await byId(w, 'analyze-run').trigger('submit')
    await flush()
    const req = api['layers.start'].mock.calls[0][0] as { data: unknown; files: { name: string }[] }
    expect(req.data).toEqual({ kind: 'builtin', name: 'helix-pair', n: 300, seed: 7 })
    expect(req.files.map((f) => f.name)).toEqual(['model.json', 'group1-shard1of1.bin'])
    expect(byId(w, 'analyze-failed').text()).toContain('layers.start is not available')
  })

  it('model: a dataset imported inside the wizard is chosen and sent by id', async () => {
    const w = mountWizard()
    await byId(w, 'source-model').find('input').setValue(true)
    await choose(w, 'model-files', [new File([bytes(MODEL)], 'model.json'), new File([bytes('abc')], 'group1-shard1of1.bin')])
    await byId(w, 'analyze-next').trigger('submit')
    await flush()
    expect(byId(w, 'builtin-shape').text()).toBe('2 features per point, 2 classes: the model must take one input per feature.')
    await byId(w, 'data-dataset').find('input').setValue(true)
    expect(byId(w, 'no-datasets').exists()).toBe(true)
    expect(byId(w, 'data-problems').text()).toContain('Choose an imported dataset')
    await byId(w, 'import-now').trigger('click')
    await byId(w, 'stub-import').trigger('click')
    await flush()
    expect((byId(w, 'dataset-select').element as HTMLSelectElement).value).toBe('ds-9')
    expect(byId(w, 'data-problems').exists()).toBe(false)
    await byId(w, 'analyze-next').trigger('submit')
    await flush()
    expect(byId(w, 'cost-points').text()).toBe('250')
    await byId(w, 'analyze-run').trigger('submit')
    await flush()
    expect((api['layers.start'].mock.calls[0][0] as { data: unknown }).data).toEqual({ kind: 'dataset', id: 'ds-9' })
  })

  it('Japanese: every step is worded (no raw keys), problems included', async () => {
    const w = mountWizard('ja')
    await choose(w, 'dump-files', [new File([bytes('x')], 'readme.txt')])
    expect(byId(w, 'model-problems').text()).toBe('選んだファイルに層のファイル (.npy・.npz・.csv) がありません。')
    await choose(w, 'dump-files', [new File([bytes('x')], 'a.npy')])
    const texts = [w.text()]
    for (const step of ['data', 'options']) {
      await byId(w, `analyze-tab-${step}`).trigger('click')
      await flush()
      texts.push(w.text())
    }
    for (const text of texts) expect(text).not.toMatch(/analyze\.[a-z]/)
    expect(texts[2]).toContain('詳細設定')
  })
})
