// End to end in browser mode with the real engine, in Japanese: the engine's Messages (a preview's file
// issue, a refused file's error, an import's cleaning note, a run's notes) reach the screen in Japanese,
// and the English sentence is nowhere on it.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { join } from 'node:path'
import { english, message, renderMessage, type Message, type StoredText } from '../../shared/messages'
import { legacyText } from '../../shared/messages/legacy'
import { connectEngine, setSavedLanguage } from './engine-client'
import { watchProblems } from './page-problems'

const token = process.env.NAGARE_E2E_TOKEN ?? ''
const port = Number(process.env.NAGARE_E2E_PORT)
const FIXTURE = join(__dirname, '../fixtures/data/bad-column.csv')
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/

test.beforeAll(() => setSavedLanguage(port, token, 'ja'))
test.afterAll(() => setSavedLanguage(port, token, 'auto'))

/** A Message (or a stored note, which may be a 0.1.0 English text), its Japanese from the catalogue (which must differ from its English), both checked on `where`. */
async function expectJapanese(where: Locator, m: Message | StoredText): Promise<void> {
  const en = typeof m === 'string' ? m : english(m)
  const japanese = typeof m === 'string' ? legacyText(m, 'ja') : renderMessage(m, 'ja')
  expect(japanese).not.toBe(en)
  expect(japanese).toMatch(JAPANESE)
  await expect(where).toContainText(japanese)
  await expect(where).not.toContainText(en)
}

async function openData(page: Page): Promise<void> {
  await page.goto(`/?token=${token}#/data`)
  await expect(page.getByTestId('data-view')).toBeVisible()
  await expect(page.getByTestId('data-view').getByRole('heading', { level: 2 }).first()).toHaveText('データ')
}

test('a preview whose only column is text says so in Japanese; a file without data rows is refused in Japanese', async ({ page }, info) => {
  const problems = watchProblems(page)
  await openData(page)

  await page.getByTestId('data-file').setInputFiles({ name: 'only-text.csv', mimeType: 'text/csv', buffer: Buffer.from('machine\nA\nB\nC\n') })
  const issues = page.getByTestId('data-issues')
  await expect(issues).toBeVisible()
  await expectJapanese(issues, message('import.issueNoNumericColumn'))
  await expect(page.getByTestId('data-import-button')).toBeDisabled()
  const body = await page.screenshot({ path: info.outputPath('data-only-text-ja.png'), fullPage: true })
  await info.attach('data-only-text-ja', { body, contentType: 'image/png' })

  // the next file replaces the preview; this one has a header and nothing else
  await page.getByTestId('data-file').setInputFiles({ name: 'header-only.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n') })
  const error = page.getByTestId('data-file-error')
  await expect(error).toBeVisible()
  await expectJapanese(error, message('import.noDataRows'))
  // switching the language re-words the engine's text already on screen
  await page.getByTestId('language-switch').selectOption('en')
  await expect(error).toContainText(english(message('import.noDataRows')))
  await page.getByTestId('language-switch').selectOption('ja')
  await expectJapanese(error, message('import.noDataRows'))
  expect(problems).toEqual([])
})

test("an import's cleaning note is in Japanese", async ({ page }, info) => {
  const problems = watchProblems(page)
  await openData(page)
  await page.getByTestId('data-file').setInputFiles(FIXTURE)
  await expect(page.getByTestId('data-preview')).toBeVisible()
  await page.getByTestId('feature-1').check()
  await page.getByTestId('data-label').selectOption({ label: 'machine' })
  await page.getByTestId('policy-drop-rows').locator('input').check()
  await page.getByTestId('data-name').fill('ja-cleaning')
  await page.getByTestId('data-import-button').click()
  const imported = page.getByTestId('data-imported')
  await expect(imported).toBeVisible()
  // the same English the English screen shows (tests/e2e/data-import.spec.ts), here in Japanese
  await expectJapanese(imported, message('import.droppedRowsMany', { count: '3', kept: '2', total: '5' }))
  const body = await page.screenshot({ path: info.outputPath('data-imported-ja.png'), fullPage: true })
  await info.attach('data-imported-ja', { body, contentType: 'image/png' })
  expect(problems).toEqual([])
})

test("a run's notes are in Japanese on its page", async ({ page }, info) => {
  const problems = watchProblems(page)
  const engine = await connectEngine(port, token)
  let notes: StoredText[] = []
  let id = ''
  try {
    id = await engine.run({
      version: 1,
      name: 'ja notes',
      seed: 5,
      distribution: { kind: 'preset', name: 'paper-47' },
      particles: { kind: 'sample', count: 300 },
      flow: { kind: 'continuous-dae' },
      integration: { solver: 'rk4', depth: 0.3, stepSize: 0.03, samples: 6 }
    })
    const m = await engine.call('runs.get', { id })
    if (!m.ok) throw new Error(english(m.error.message))
    notes = m.value.notes
  } finally {
    engine.close()
  }
  // the engine always says how entropy, W2 and speed were estimated
  expect(notes.length).toBeGreaterThan(0)
  await page.goto(`/?token=${token}#/run?id=${id}`)
  const shown = page.getByTestId('summary-notes').locator('li')
  await expect(shown).toHaveCount(notes.length)
  for (let i = 0; i < notes.length; i++) await expectJapanese(shown.nth(i), notes[i])
  const body = await page.screenshot({ path: info.outputPath('run-notes-ja.png'), fullPage: true })
  await info.attach('run-notes-ja', { body, contentType: 'image/png' })
  expect(problems).toEqual([])
})
