// End to end in browser mode with the real engine, in English and Japanese at 1366x768: "Your data" views,
// renames and trashes (with Undo) an imported dataset; training shows "epoch k of N", the time left and
// the loss and accuracy charts under the progress bar, then one change-and-re-train panel with every
// regulariser; the trained run's report names its data (the built-in set, not the unused distribution),
// reads its settings as a table within the page width and prints to one A4 page (page.pdf, then pdftoppm
// to PNG when poppler is installed). Screenshots are kept in the test's output folder.
import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { setSavedLanguage } from './engine-client'
import { watchProblems } from './page-problems'

const token = process.env.NAGARE_E2E_TOKEN ?? ''
const port = Number(process.env.NAGARE_E2E_PORT)
// two labelled blobs, 40 rows: x, y, kind
const ROWS = Array.from({ length: 40 }, (_, i) => [((i % 2 ? 2 : -2) + Math.sin(i)).toFixed(3), (Math.cos(i * 1.7) * 0.8).toFixed(3), i % 2 ? 'right' : 'left'])
const CSV = 'x,y,kind\n' + ROWS.map((r) => r.join(',')).join('\n') + '\n'
const meanX = ROWS.reduce((s, r) => s + Number(r[0]), 0) / ROWS.length
let reportUrl = ''

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ path: info.outputPath(`${name}.png`) })
  await info.attach(name, { body, contentType: 'image/png' })
}
type Root = { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
const noSidewaysScroll = (page: Page): Promise<boolean> =>
  page.evaluate(() => {
    const root = (globalThis as unknown as Root).document.documentElement
    return root.scrollWidth <= root.clientWidth + 1
  })

test.describe.configure({ mode: 'serial' })

test('English: your data, training beside its progress, one re-train panel, the report on one A4 page', async ({ page }, info) => {
  test.setTimeout(300_000)
  const problems = watchProblems(page)
  await page.goto(`/?token=${token}#/data`)
  await expect(page.getByTestId('data-view')).toBeVisible()
  await page.getByTestId('data-file').setInputFiles({ name: 'blobs.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) })
  await expect(page.getByTestId('data-summary')).toContainText('40 rows')
  await page.getByTestId('feature-1').check()
  await page.getByTestId('data-label').selectOption({ label: 'kind' })
  await page.getByTestId('data-name').fill('Two blobs')
  await page.getByTestId('data-import-button').click()
  await expect(page.getByTestId('data-imported')).toBeVisible()
  const row = page.getByTestId('dataset-list').locator('tbody tr').filter({ hasText: 'Two blobs' })

  // view: the mean over all 40 rows, the first rows with class names
  await row.getByTestId('dataset-view-button').click()
  await expect(page.getByTestId('dataset-view').locator('h3')).toHaveText('Two blobs: 40 rows × 2 feature columns')
  await expect(page.getByTestId('dataset-mean-0')).toHaveText(new Intl.NumberFormat('en', { maximumSignificantDigits: 4 }).format(meanX))
  await expect(page.getByTestId('dataset-view-rows').locator('tbody tr')).toHaveCount(20)
  await expect(page.getByTestId('dataset-view-rows').locator('tbody tr').first()).toContainText('left')
  expect(await noSidewaysScroll(page)).toBe(true)
  await shot(page, info, '01-data-view-en')

  // rename, then trash (asks first) and undo
  await row.getByTestId('dataset-rename').click()
  await page.getByTestId('dataset-rename-input').fill('Two blobs, renamed')
  await page.getByTestId('dataset-rename-save').click()
  const renamed = page.getByTestId('dataset-list').locator('tbody tr').filter({ hasText: 'Two blobs, renamed' })
  await expect(renamed).toHaveCount(1)
  await renamed.getByTestId('dataset-trash').click()
  await shot(page, info, '02-data-confirm-trash-en')
  await renamed.getByTestId('dataset-trash-confirm').click()
  await expect(page.getByTestId('dataset-status')).toContainText('"Two blobs, renamed" is in the trash')
  await expect(page.getByTestId('dataset-list').locator('tbody tr').filter({ hasText: 'Two blobs, renamed' })).toHaveCount(0)
  await page.getByTestId('dataset-undo').click()
  await expect(page.getByTestId('dataset-list').locator('tbody tr').filter({ hasText: 'Two blobs, renamed' })).toHaveCount(1)

  // the DAE wizard on the imported points: the empirical DAE of its 40 rows
  await page.goto(`/?token=${token}#/dae`)
  await page.getByTestId('dist-dataset').click()
  await expect(page.getByTestId('dae-dataset')).toBeVisible()
  await page.getByTestId('dae-dataset').selectOption({ label: 'Two blobs, renamed (40 × 2)' })
  await expect(page.getByTestId('dae-column-0')).toBeChecked()
  await shot(page, info, '02b-dae-dataset-en')
  await page.getByTestId('wizard-next').click()
  // a dataset keeps the continuous DAE (of a fitted mixture) chosen; this run is the empirical DAE's
  await page.getByTestId('flow-empirical-dae').click()
  for (let i = 0; i < 2; i++) await page.getByTestId('wizard-next').click()
  await page.getByTestId('run-button').click()
  await expect(page.getByTestId('run-summary')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('summary-particles')).toContainText('40')
  await shot(page, info, '02c-dae-dataset-run-en')

  // training: Fast preview on moons
  await page.goto(`/?token=${token}#/train`)
  await page.getByTestId('train-preset-fast').click()
  await page.getByTestId('train-task-classify').click()
  await page.getByTestId('train-dataset').selectOption('moons')
  for (let i = 0; i < 4; i++) await page.getByTestId('train-next').click()
  await page.getByTestId('train-run').click()
  const epoch = page.getByTestId('train-live-epoch')
  await expect(epoch).toHaveText(/^Epoch [1-8] of 8$/, { timeout: 120_000 })
  // beside the progress bar: both sit in the results pane, the live panel right under the bar
  const bar = await page.getByTestId('run-progress').boundingBox()
  const live = await page.getByTestId('train-live').boundingBox()
  if (bar && live && (await page.getByTestId('progress-bar').count())) expect(live.y - (bar.y + bar.height)).toBeLessThan(40)
  await expect(page.getByTestId('train-accuracy-chart')).toBeVisible()
  await shot(page, info, '03-training-live-en')

  const accuracy = page.getByTestId('train-report-accuracy')
  await expect(accuracy).toBeVisible({ timeout: 240_000 })
  // one change-and-re-train panel, with every regulariser of the wizard
  await expect(page.getByTestId('rerun-controls')).toHaveCount(0)
  for (const id of ['rerun-train-decay', 'rerun-train-kinetic', 'rerun-train-jacobian', 'rerun-train-augment']) await expect(page.getByTestId(id)).toBeVisible()
  await expect(page.getByTestId('train-live-curves')).not.toHaveAttribute('open', '')
  await shot(page, info, '04-trained-en')

  // the report
  await page.getByTestId('export-report').click()
  await expect(page.getByTestId('report-view')).toBeVisible()
  reportUrl = page.url()
  await expect(page.getByTestId('report-setting-data')).toContainText('built-in dataset moons')
  await expect(page.getByTestId('report-settings')).not.toContainText('{')
  await expect(page.getByTestId('report-training-accuracy').locator('td')).toHaveText(/^\d{1,3}(\.\d)?%$/)
  for (const key of ['trainLoss', 'kinetic', 'weightNorm']) await expect(page.getByTestId(`report-training-${key}`)).toBeVisible()
  await expect(page.getByTestId('report-snapshot')).toBeVisible({ timeout: 30_000 })
  expect(await noSidewaysScroll(page)).toBe(true)
  await shot(page, info, '05-report-en')
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
  await page.emulateMedia({ media: 'screen' })
  const pdfPath = info.outputPath('06-report-a4-en.pdf')
  writeFileSync(pdfPath, pdf)
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []
  expect(pages).toHaveLength(1)
  if (existsSync('/usr/bin/pdftoppm')) {
    execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-singlefile', pdfPath, info.outputPath('06-report-a4-en')])
    await info.attach('06-report-a4-en', { path: info.outputPath('06-report-a4-en.png'), contentType: 'image/png' })
  }
  expect(problems).toEqual([])
})

test.describe('Japanese', () => {
  test.beforeAll(() => setSavedLanguage(port, token, 'ja'))
  test.afterAll(() => setSavedLanguage(port, token, 'auto'))

  test('your data, training and the trained run report read in Japanese', async ({ page }, info) => {
    test.setTimeout(300_000)
    const problems = watchProblems(page)
    await page.goto(`/?token=${token}#/data`)
    const row = page.getByTestId('dataset-list').locator('tbody tr').filter({ hasText: 'Two blobs, renamed' })
    await row.getByTestId('dataset-view-button').click()
    await expect(page.getByTestId('dataset-view').locator('h3')).toHaveText('Two blobs, renamed: 40 行 × 特徴量 2 列')
    await expect(row.getByTestId('dataset-trash')).toHaveText('ごみ箱へ移動')
    expect(await noSidewaysScroll(page)).toBe(true)
    await shot(page, info, '07-data-view-ja')
    await row.getByTestId('dataset-trash').click()
    await shot(page, info, '08-data-confirm-trash-ja')
    await row.getByTestId('dataset-trash-keep').click()

    // training in Japanese: the epoch count and the time left under the progress bar, then the re-train panel
    await page.goto(`/?token=${token}#/train`)
    await page.getByTestId('train-preset-fast').click()
    await page.getByTestId('train-task-classify').click()
    await page.getByTestId('train-dataset').selectOption('circles')
    for (let i = 0; i < 4; i++) await page.getByTestId('train-next').click()
    await page.getByTestId('train-run').click()
    await expect(page.getByTestId('train-live-epoch')).toHaveText(/^エポック [1-8] \/ 8$/, { timeout: 120_000 })
    await shot(page, info, '06b-training-live-ja')
    await expect(page.getByTestId('train-report-accuracy')).toBeVisible({ timeout: 240_000 })
    await expect(page.getByTestId('rerun-train-jacobian')).toBeVisible()
    await shot(page, info, '06c-trained-ja')

    expect(reportUrl).toContain('report')
    await page.goto(reportUrl)
    await expect(page.getByTestId('report-setting-data')).toContainText('組み込みデータセット moons')
    await expect(page.getByTestId('report-training-accuracy')).toBeVisible()
    await expect(page.getByTestId('report-snapshot')).toBeVisible({ timeout: 30_000 })
    expect(await noSidewaysScroll(page)).toBe(true)
    await shot(page, info, '09-report-ja')
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
    const pdfPath = info.outputPath('10-report-a4-ja.pdf')
    writeFileSync(pdfPath, pdf)
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).toHaveLength(1)
    if (existsSync('/usr/bin/pdftoppm')) execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-singlefile', pdfPath, info.outputPath('10-report-a4-ja')])
    expect(problems).toEqual([])
  })
})
