// @vitest-environment happy-dom
// The import component and the "Your data" screen with the api mocked: the file is sent as base64,
// the preview, summary and localized issues are shown, the mapping and policy go to data.import,
// errors appear next to their control, and the list shows the datasets.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createAppI18n } from '@/i18n'
import { flush } from '../helpers'
import { createDataMockApi, INFO, PREVIEW } from './fixtures'
import { setApi } from '../api-double'
import { message } from '@shared/messages'

vi.mock('@/api', () => import('../api-double'))
const DataImport = (await import('@/components/data/DataImport.vue')).default
const DataView = (await import('@/views/DataView.vue')).default

const CSV = 'temp,pressure,machine,note\r\n20.5,1.0,A,ok\r\n'
let m: ReturnType<typeof createDataMockApi>

function mountIt<T>(component: T, locale: 'en' | 'ja' = 'en', props: Record<string, unknown> = {}): VueWrapper {
  const pinia = createPinia()
  setActivePinia(pinia)
  return mount(component as never, { props: props as never, global: { plugins: [pinia, createAppI18n(locale)] }, attachTo: document.body })
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

async function choose(w: VueWrapper, file: File): Promise<void> {
  const input = byId(w, 'data-file')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await flush()
}

beforeEach(() => {
  m = createDataMockApi()
  setApi(m.api)
  document.body.innerHTML = ''
})

describe('DataImport', () => {
  it('has a labelled, keyboard-reachable file input', () => {
    const w = mountIt(DataImport)
    const input = byId(w, 'data-file').element as HTMLInputElement
    expect(input.type).toBe('file')
    expect(w.find(`label[for="${input.id}"]`).text()).toBe('Choose a file')
    expect(input.tabIndex).not.toBe(-1)
  })

  it('sends the file as base64, shows the preview and issues, and imports the chosen mapping', async () => {
    const w = mountIt(DataImport)
    await choose(w, new File([CSV], 'bad-column.csv', { type: 'text/csv' }))
    expect(m.api['data.preview']).toHaveBeenCalledTimes(1)
    const req = m.api['data.preview'].mock.calls[0][0]
    expect(req.name).toBe('bad-column.csv')
    expect(Buffer.from(req.content, 'base64').toString('utf8')).toBe(CSV)

    expect(byId(w, 'data-summary').text()).toBe('bad-column.csv: 5 rows, 4 columns (CSV)')
    const issues = byId(w, 'data-issues')
      .findAll('li')
      .map((li) => li.text())
    expect(issues).toContain("Column 'machine' is not numeric (examples: “A”, “B”, “C”): use it as the label or leave it out.")
    expect(issues).toContain("Column 'pressure' has 1 non-numeric cell (example: “abc”): leave it out, or drop that row.")
    expect(issues).toContain('1 row has fewer fields than the header; the absent cells count as missing')
    expect(byId(w, 'data-preview-table').findAll('tbody tr')).toHaveLength(5)
    expect(byId(w, 'mean-0').text()).toBe('21.75')
    expect(byId(w, 'missing-1').text()).toBe('1')
    expect((byId(w, 'feature-0').element as HTMLInputElement).checked).toBe(true)
    expect((byId(w, 'feature-1').element as HTMLInputElement).checked).toBe(false)

    // add pressure, take machine as the label, try a fill policy: refused next to the policy
    await byId(w, 'feature-1').setValue(true)
    await byId(w, 'data-label').setValue('2')
    await byId(w, 'policy-fill-mean').find('input').setValue(true)
    expect(byId(w, 'data-policy-error').text()).toContain("'pressure'")
    expect((byId(w, 'data-import-button').element as HTMLButtonElement).disabled).toBe(true)
    await byId(w, 'policy-drop-rows').find('input').setValue(true)
    expect(byId(w, 'data-policy-error').exists()).toBe(false)
    await byId(w, 'data-name').setValue('  Line 3  ')
    await byId(w, 'data-preview').trigger('submit')
    await flush()
    expect(m.api['data.import'].mock.calls[0][0]).toEqual({ token: PREVIEW.token, name: 'Line 3', features: [0, 1], label: 2, missing: 'drop-rows' })
    expect(w.emitted('imported')).toEqual([[INFO]])
    expect(byId(w, 'data-imported').text()).toContain('Imported bad-column: 2 rows × 2 columns.')
    expect(byId(w, 'data-preview').exists()).toBe(false)
  })

  it('shows engine refusals next to the control, and refuses a too-large file without sending it', async () => {
    m.api['data.preview'].mockResolvedValueOnce({
      ok: false,
      error: { code: 'invalid-request', message: message('import.lineTooManyFields', { line: 3, count: 3, width: 2 }) }
    })
    const w = mountIt(DataImport)
    await choose(w, new File(['a,b\n1,2\n3,4,5\n'], 'x.csv'))
    expect(byId(w, 'data-file-error').text()).toBe('The file could not be read: line 3 has 3 fields, but the file has 2 columns')
    expect(byId(w, 'data-preview').exists()).toBe(false)

    const big = new File(['1'], 'big.csv')
    Object.defineProperty(big, 'size', { value: 60 * 1024 * 1024 })
    await choose(w, big)
    expect(m.api['data.preview']).toHaveBeenCalledTimes(1)
    expect(byId(w, 'data-file-error').text()).toBe('big.csv is 60 MB, larger than the 48 MB limit: keep a sample of the rows or convert it to .npy.')

    await choose(w, new File([CSV], 'ok.csv'))
    m.api['data.import'].mockResolvedValueOnce({ ok: false, error: { code: 'io', message: message('harden.diskFull') } })
    await byId(w, 'data-preview').trigger('submit')
    await flush()
    expect(byId(w, 'data-import-error').text()).toBe(
      'The import failed: The disk is full: the change could not be saved; free space and try again. Nothing else was changed.'
    )
    expect(w.emitted('imported')).toBeUndefined()
  })

  it('takes a dropped file like a chosen one', async () => {
    const w = mountIt(DataImport)
    await byId(w, 'data-drop').trigger('drop', { dataTransfer: { files: [new File([CSV], 'dropped.csv')] } })
    await flush()
    expect(m.api['data.preview'].mock.calls[0][0].name).toBe('dropped.csv')
    expect(byId(w, 'data-summary').exists()).toBe(true)
  })

  it('requires a label when asked, preselecting a text column, and blocks an empty selection', async () => {
    const w = mountIt(DataImport, 'en', { requireLabel: true })
    await choose(w, new File([CSV], 'a.csv'))
    expect((byId(w, 'data-label').element as HTMLSelectElement).value).toBe('2')
    const select = byId(w, 'data-label')
    ;(select.element as HTMLSelectElement).selectedIndex = 0
    await select.trigger('change')
    await byId(w, 'feature-0').setValue(false)
    expect(byId(w, 'data-label-error').text()).toBe('Choose the label column.')
    expect(byId(w, 'data-features-error').text()).toBe('Choose at least one feature column.')
    expect((byId(w, 'data-import-button').element as HTMLButtonElement).disabled).toBe(true)
  })

  it('uses the plural form and locale grouping for larger counts', async () => {
    const cols = PREVIEW.columns.map((c) => (c.index === 0 ? { ...c, missing: 1234 } : c))
    m.api['data.preview'].mockResolvedValueOnce({ ok: true, value: { ...PREVIEW, rows: 5000, columns: cols } })
    const w = mountIt(DataImport)
    await choose(w, new File([CSV], 'a.csv'))
    expect(byId(w, 'data-issues').text()).toContain("Column 'temp' has 1,234 missing cells (empty, NA, NaN or null): choose what to do with them below.")
  })

  it('speaks Japanese with Japanese number formatting', async () => {
    m.api['data.preview'].mockResolvedValueOnce({ ok: true, value: { ...PREVIEW, rows: 2_300_000, subsampled: true, sampledRows: 100_000 } })
    const w = mountIt(DataImport, 'ja')
    await choose(w, new File([CSV], 'a.csv'))
    expect(byId(w, 'data-summary').text()).toBe('bad-column.csv: 2,300,000 行、4 列（CSV）')
    expect(byId(w, 'data-subsampled').text()).toBe('統計は 2,300,000 行のうち 100,000 行（等間隔の標本）から計算しています。取り込みには全行を使います。')
    expect(byId(w, 'data-issues').text()).toContain('列「pressure」に数値以外の値が 1 個あります（例: “abc”）')
  })
})

describe('DataView', () => {
  it('lists the datasets and puts a new import first', async () => {
    const older = { ...INFO, id: 'old-1', name: 'older', labelName: undefined, classes: undefined, createdAt: '2026-11-01T00:00:00.000Z' }
    m.api['data.list'].mockResolvedValue({ ok: true, value: [older] })
    const w = mountIt(DataView)
    await flush()
    expect(byId(w, 'dataset-old-1').text()).toContain('older')
    expect(byId(w, 'dataset-old-1').text()).toContain('2 × 2')
    await choose(w, new File([CSV], 'a.csv'))
    await byId(w, 'data-preview').trigger('submit')
    await flush()
    const rows = byId(w, 'dataset-list').findAll('tbody tr')
    expect(rows.map((r) => r.attributes('data-testid'))).toEqual([`dataset-${INFO.id}`, 'dataset-old-1'])
    expect(rows[0].text()).toContain('machine (2 classes)')
  })

  it('says when there are none, and when the list cannot be loaded', async () => {
    const w = mountIt(DataView)
    await flush()
    expect(byId(w, 'datasets-empty').exists()).toBe(true)
    m.api['data.list'].mockResolvedValueOnce({ ok: false, error: { code: 'io', message: message('harden.ioFailed', { code: 'EACCES' }) } })
    await byId(w, 'datasets-refresh').trigger('click')
    await flush()
    expect(byId(w, 'datasets-error').text()).toBe(
      'The list could not be loaded: The workspace could not be read or written (system error EACCES); nothing was changed.'
    )
  })
})
