// End to end in browser mode with the real engine, in Japanese: the texts that cross the contract as
// Messages are worded on screen in Japanese with no English sentence left: a bad spec's field error as the
// user types, the training progress ("epoch k of N") while a run trains, and a layer flag with its remedy.
// (A preview's import issue, an engine error on a refused file and a run's notes are in engine-text-ja.)
import { expect, test, type Locator } from '@playwright/test'
import { join, resolve } from 'node:path'
import { setSavedLanguage } from './engine-client'
import { watchProblems } from './page-problems'

const token = process.env.NAGARE_E2E_TOKEN ?? ''
const port = Number(process.env.NAGARE_E2E_PORT)
const DUMPS = resolve(__dirname, '../fixtures/layers/dumps')
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/
/** three Latin words in a row: an English sentence (or a piece of one) left on a Japanese screen */
const ENGLISH_RUN = /[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/

test.beforeAll(() => setSavedLanguage(port, token, 'ja'))
test.afterAll(() => setSavedLanguage(port, token, 'auto'))

/** The text on `where` is Japanese, with no English sentence in it. */
async function expectJapaneseOnly(where: Locator): Promise<string> {
  await expect(where).toBeVisible()
  const text = (await where.innerText()).trim()
  expect(text, text).toMatch(JAPANESE)
  expect(text, text).not.toMatch(ENGLISH_RUN)
  return text
}

test('a field error and the training progress are in Japanese', async ({ page }, info) => {
  test.setTimeout(240_000)
  const problems = watchProblems(page)
  await page.goto(`/?token=${token}#/train`)
  await expect(page.getByTestId('train-wizard')).toBeVisible()
  await page.getByTestId('train-preset-fast').click()
  await page.getByTestId('train-task-classify').click()
  await page.getByTestId('train-dataset').selectOption('moons')
  await page.getByTestId('train-next').click()
  await page.getByTestId('train-next').click()

  // T / h not whole: the step grid's field error, a Message from shared/step-grid.ts
  await page.getByTestId('train-step').fill('0.3')
  const fieldError = await expectJapaneseOnly(page.getByTestId('train-step-error'))
  // switching the language re-words the error already on screen, and back
  await page.getByTestId('language-switch').selectOption('en')
  await expect(page.getByTestId('train-step-error')).toContainText('whole number of steps')
  await page.getByTestId('language-switch').selectOption('ja')
  await expect(page.getByTestId('train-step-error')).toHaveText(fieldError)
  await page.getByTestId('train-step').fill('0.25')
  await page.getByTestId('train-next').click()
  await page.getByTestId('train-next').click()

  await page.getByTestId('train-run').click()
  // "epoch k of N" from the progress event's numbers, worded in Japanese
  const epoch = page.getByTestId('train-live-epoch')
  await expect(epoch).toBeVisible({ timeout: 120_000 })
  await expectJapaneseOnly(epoch)
  await expect(epoch).toHaveText(/\d+.*\d+/)
  const body = await page.screenshot({ path: info.outputPath('train-progress-ja.png') })
  await info.attach('train-progress-ja', { body, contentType: 'image/png' })
  await expect(page.getByTestId('train-report-accuracy')).toBeVisible({ timeout: 180_000 })
  expect(problems).toEqual([])
})

test('a layer flag and its remedy are in Japanese', async ({ page }, info) => {
  const problems = watchProblems(page)
  await page.goto(`/?token=${token}#/analyze`)
  await expect(page.getByTestId('analyze-wizard')).toBeVisible()
  await page.getByTestId('source-dumps').click()
  await page.getByTestId('dump-files').setInputFiles(['layer_1.npy', 'layer_2.csv', 'layer_10.npz', 'labels.npy'].map((f) => join(DUMPS, f)))
  await page.getByTestId('analyze-next').click()
  await page.getByTestId('analyze-next').click()
  await page.getByTestId('analyze-name').fill('flags in Japanese')
  await page.getByTestId('analyze-run').click()
  await expect(page.getByTestId('layer-analysis')).toBeVisible({ timeout: 60_000 })
  // the hidden layer merges point pairs (tests/fixtures/layers/make_fixtures.py): a merging flag
  const flag = page.locator('.flag[data-kind="merging"]').first()
  await expect(flag).toBeVisible()
  await expectJapaneseOnly(flag.locator('.flag-remedy'))
  const text = (await flag.innerText()).replace(/[A-Za-z_]+\d*\.(npy|npz|csv)/g, '')
  expect(text, text).toMatch(JAPANESE)
  expect(text, text).not.toMatch(ENGLISH_RUN)
  const body = await page.screenshot({ path: info.outputPath('layer-flag-ja.png'), fullPage: true })
  await info.attach('layer-flag-ja', { body, contentType: 'image/png' })
  expect(problems).toEqual([])
})
