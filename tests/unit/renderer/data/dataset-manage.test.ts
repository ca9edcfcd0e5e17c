// @vitest-environment happy-dom
// "Your data" managing a stored dataset, api mocked: View opens its column summary and first rows; Rename
// sends the trimmed new name and shows the engine's answer; Move to trash asks first, Keep sends nothing,
// confirming trashes it and Undo restores it; a failure is said with the engine's reason, in Japanese too.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createAppI18n } from '@/i18n'
import { flush } from '../helpers'
import { createDataMockApi, INFO } from './fixtures'
import { setApi } from '../api-double'
import { message } from '@shared/messages'

vi.mock('@/api', () => import('../api-double'))
const DataView = (await import('@/views/DataView.vue')).default

let m: ReturnType<typeof createDataMockApi>
beforeEach(() => {
  m = createDataMockApi()
  setApi(m.api)
  m.api['data.list'].mockResolvedValue({ ok: true, value: [INFO] })
})

function mountIt(locale: 'en' | 'ja' = 'en'): VueWrapper {
  const pinia = createPinia()
  setActivePinia(pinia)
  return mount(DataView, { global: { plugins: [pinia, createAppI18n(locale)] }, attachTo: document.body })
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

describe('a stored dataset on "Your data"', () => {
  it('views its columns over all rows and its first rows', async () => {
    const w = mountIt()
    await flush()
    await byId(w, 'dataset-view-button').trigger('click')
    await flush()
    expect(m.api['data.get']).toHaveBeenCalledWith({ id: INFO.id })
    expect(byId(w, 'dataset-view').find('h3').text()).toBe('bad-column: 2 rows × 2 feature columns')
    expect(byId(w, 'dataset-mean-0').text()).toBe('21.25')
    expect(byId(w, 'dataset-column-2').text()).toContain('label')
    expect(byId(w, 'dataset-view-classes').text()).toBe('Classes: A: 1 · C: 1')
    expect(
      byId(w, 'dataset-view-rows')
        .findAll('tbody tr')
        .map((r) => r.text())
    ).toEqual(['20.51A', '224C'])
    await byId(w, 'dataset-view-close').trigger('click')
    expect(byId(w, 'dataset-view').exists()).toBe(false)
  })

  it('renames in place with the trimmed name', async () => {
    const w = mountIt()
    await flush()
    await byId(w, 'dataset-rename').trigger('click')
    await byId(w, 'dataset-rename-input').setValue('  Machines  ')
    await byId(w, 'dataset-rename-save').trigger('submit')
    await flush()
    expect(m.api['data.update']).toHaveBeenCalledWith({ id: INFO.id, name: 'Machines' })
    expect(byId(w, 'dataset-name').text()).toBe('Machines')
  })

  it('asks before the trash; Keep sends nothing; Undo brings it back', async () => {
    const w = mountIt()
    await flush()
    await byId(w, 'dataset-trash').trigger('click')
    expect(w.text()).toContain('Move "bad-column" to the trash?')
    await byId(w, 'dataset-trash-keep').trigger('click')
    expect(m.api['data.trash']).not.toHaveBeenCalled()
    await byId(w, 'dataset-trash').trigger('click')
    await byId(w, 'dataset-trash-confirm').trigger('click')
    await flush()
    expect(m.api['data.trash']).toHaveBeenCalledWith({ id: INFO.id })
    expect(byId(w, 'dataset-list').exists()).toBe(false)
    expect(byId(w, 'dataset-status').text()).toContain('"bad-column" is in the trash')
    await byId(w, 'dataset-undo').trigger('click')
    await flush()
    expect(m.api['data.restore']).toHaveBeenCalledWith({ id: INFO.id })
    expect(byId(w, `dataset-${INFO.id}`).exists()).toBe(true)
    expect(byId(w, 'dataset-status').text()).toBe('"bad-column" is back.')
  })

  it('says why it failed, in Japanese', async () => {
    m.api['data.trash'].mockResolvedValueOnce({ ok: false, error: { code: 'busy', message: message('trainui.datasetInTrash', { id: INFO.id }) } })
    const w = mountIt('ja')
    await flush()
    await byId(w, 'dataset-trash').trigger('click')
    await byId(w, 'dataset-trash-confirm').trigger('click')
    await flush()
    expect(byId(w, 'dataset-status').text()).toBe(`できませんでした: ごみ箱にはすでにデータセット ${INFO.id} があります`)
    expect(byId(w, `dataset-${INFO.id}`).exists()).toBe(true)
  })
})
