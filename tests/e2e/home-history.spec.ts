// End to end in browser mode with the real engine: home -> the DAE template -> a run of (47); the history:
// rename, tag, trash, restore, download the archive (a zip); settings: Japanese applied and kept across a
// reload (from settings.json, not the browser's storage). Screenshots of each screen go to test-results/.
import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { watchProblems } from './page-problems'

const token = process.env.NAGARE_E2E_TOKEN ?? ''
const workspace = process.env.NAGARE_E2E_WORKSPACE ?? ''

const runFolders = (): string[] => {
  try {
    return readdirSync(join(workspace, 'runs')).sort()
  } catch {
    return []
  }
}

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ path: info.outputPath(`${name}.png`) })
  await info.attach(name, { body, contentType: 'image/png' })
}

test('home -> DAE run -> history: rename, tag, trash, restore, archive; settings in Japanese survive a reload', async ({ page }, info) => {
  const problems = watchProblems(page)
  await page.goto(`/?token=${token}`)
  await expect(page.getByTestId('backend-name')).not.toBeEmpty()
  await expect(page.getByTestId('home')).toBeVisible()
  await expect(page.getByTestId('template-dae')).toBeVisible()
  await expect(page.getByTestId('template-open-run')).toBeVisible()
  await shot(page, info, 'screen-01-home')

  // the DAE template, by keyboard: focus the tile and press Enter
  await page.getByTestId('template-dae').focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/dae$/)
  await expect(page.getByTestId('wizard')).toBeVisible()
  const before = runFolders()
  await page.getByTestId('preset-paper-47').click()
  await page.getByTestId('wizard-next').click()
  await page.getByTestId('flow-continuous-dae').click()
  await page.getByTestId('wizard-next').click()
  await page.getByTestId('particles-sample').click()
  await page.getByTestId('particles-count').fill('500')
  await page.getByTestId('wizard-next').click()
  await page.getByTestId('int-solver').selectOption('rk4')
  await page.getByTestId('int-depth').fill('0.45')
  await page.getByTestId('int-step').fill('0.01')
  await page.getByTestId('int-samples').fill('10')
  await page.getByTestId('run-button').click()
  await expect(page.getByTestId('run-summary')).toBeVisible({ timeout: 60_000 })
  const added = runFolders().filter((f) => !before.includes(f))
  expect(added).toHaveLength(1)
  const id = added[0]
  await shot(page, info, 'screen-02-dae')

  // history: the new run is listed complete, with its numbers
  await page.getByTestId('nav-history').click()
  await expect(page).toHaveURL(/#\/history$/)
  const row = page.locator(`[data-testid="history-row"][data-run-id="${id}"]`)
  await expect(row).toBeVisible()
  await expect(row.getByTestId('run-status')).toHaveText('complete')
  await expect(row.getByTestId('run-entropy')).toContainText('→')

  // rename inline (an empty name is refused with the reason), then Enter saves
  await row.getByTestId('run-rename').click()
  await row.getByTestId('rename-input').fill('  ')
  await expect(row.getByTestId('rename-error')).toHaveText('A name cannot be empty.')
  await row.getByTestId('rename-input').fill('E2E renamed run')
  await row.getByTestId('rename-input').press('Enter')
  await expect(row.getByTestId('run-name')).toHaveText('E2E renamed run')

  // tag it; the search finds it by the tag
  await row.getByTestId('tag-input').fill('e2e-tag')
  await row.getByTestId('tag-input').press('Enter')
  await expect(row.getByTestId('tag')).toContainText(['e2e-tag'])
  await page.getByTestId('history-search').fill('e2e-tag')
  await expect(page.getByTestId('history-row')).toHaveCount(1)
  await shot(page, info, 'screen-03-history')
  await page.getByTestId('history-search').fill('')

  // trash it (an undo notice appears), find it in the trash, restore it
  await row.getByTestId('run-trash').click()
  await expect(row).toHaveCount(0)
  await expect(page.getByTestId('history-notice')).toContainText('E2E renamed run')
  await expect(page.getByTestId('undo-trash')).toBeVisible()
  await page.getByTestId('toggle-trash').click()
  await expect(row).toBeVisible()
  await shot(page, info, 'screen-04-trash')
  await row.getByTestId('run-restore').click()
  await expect(row).toHaveCount(0)
  await page.getByTestId('toggle-trash').click()
  await expect(row).toBeVisible()
  await expect(row.getByTestId('run-name')).toHaveText('E2E renamed run')
  await expect(row.getByTestId('tag')).toContainText(['e2e-tag'])

  // download its archive: a zip (starts with 'PK')
  const downloading = page.waitForEvent('download')
  await row.getByTestId('run-archive').click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.zip$/)
  const bytes = readFileSync(await download.path())
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')

  // open it from the history: its own page, #/run?id=
  await row.getByTestId('run-open').click()
  await expect(page).toHaveURL(new RegExp(`#/run\\?id=${id}$`))
  await expect(page.getByTestId('run-title')).toHaveText('E2E renamed run')
  await expect(page.getByTestId('run-summary')).toBeVisible()
  await shot(page, info, 'screen-05-run')

  // Back returns to the history
  await page.getByTestId('nav-back').click()
  await expect(page).toHaveURL(/#\/history$/)

  // settings: Japanese applies at once; the default solver changes
  await page.getByTestId('nav-settings').click()
  await expect(page.getByTestId('settings')).toBeVisible()
  await expect(page.getByTestId('settings-workspace')).toHaveAttribute('readonly', '')
  await shot(page, info, 'screen-06-settings')
  await page.getByTestId('settings-solver').selectOption('heun')
  await expect(page.getByTestId('settings-saved')).toBeVisible()
  await page.getByTestId('settings-language').selectOption('ja')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
  await expect(page.getByTestId('nav-settings')).toHaveText('設定')
  await page.getByTestId('nav-home').click()
  await expect(page.locator('#home-title')).toHaveText('ホーム')
  await expect(page.getByTestId('template-dae')).toContainText('DAE による輸送の検証')
  await shot(page, info, 'screen-07-home-ja')

  // kept across a reload by settings.json: the browser's own memory of the language is wiped first
  await page.evaluate(() => (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear())
  await page.reload()
  await expect(page.locator('#home-title')).toHaveText('ホーム')
  await page.getByTestId('nav-settings').click()
  await expect(page.getByTestId('settings-solver')).toHaveValue('heun')
  await expect(page.getByTestId('settings-language')).toHaveValue('ja')

  // copy diagnostics: confirmed, or the text offered to copy by hand
  await page.getByTestId('copy-diagnostics').click()
  await expect(page.getByTestId('diagnostics-copied').or(page.getByTestId('diagnostics-text'))).toBeVisible()

  // leave the shared workspace's settings as they were for the other tests
  await page.getByTestId('settings-language').selectOption('auto')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByTestId('settings-solver').selectOption('rk4')
  await expect(page.getByTestId('settings-saved')).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('settings-solver')).toHaveValue('rk4')
  await expect(page.getByTestId('settings-language')).toHaveValue('auto')
  expect(problems).toEqual([])
})
