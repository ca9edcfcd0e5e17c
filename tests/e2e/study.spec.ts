// End to end in browser mode with the real engine, in Japanese: the depth study's preset "deeper converges
// faster" in one click; the errors against the continuous limit fall with L at first order; the charts draw.
import { expect, test } from '@playwright/test'
import { setSavedLanguage } from './engine-client'
import { watchProblems } from './page-problems'

const token = process.env.NAGARE_E2E_TOKEN ?? ''
const port = Number(process.env.NAGARE_E2E_PORT)

test.beforeAll(() => setSavedLanguage(port, token, 'ja'))
test.afterAll(() => setSavedLanguage(port, token, 'auto'))

test('the paper\'s "deeper converges faster" is one click from its preset (in Japanese)', async ({ page }, info) => {
  const problems = watchProblems(page)
  await page.goto(`/?token=${token}#/study`)
  const view = page.getByTestId('study-view')
  await expect(view).toBeVisible()
  await expect(view.getByRole('heading', { level: 2 })).toHaveText('深さ・ステップ幅の検討')
  await expect(page.getByTestId('study-cost')).toContainText('8')
  await page.getByTestId('study-run').click()
  const result = page.getByTestId('study-result')
  await expect(result).toBeVisible({ timeout: 60_000 })
  const rows = page.getByTestId('study-table').locator('tbody tr')
  await expect(rows).toHaveCount(7)
  // mean error column: strictly falling with L, and the last doubling of L about halves it
  const errors = (await rows.locator('td:nth-child(2)').allInnerTexts()).map((s) => Number(s.replace(/,/g, '')))
  for (let i = 1; i < errors.length; i++) expect(errors[i]).toBeLessThan(errors[i - 1])
  const lastRatio = errors[errors.length - 2] / errors[errors.length - 1]
  expect(lastRatio).toBeGreaterThan(1.8)
  expect(lastRatio).toBeLessThan(2.2)
  await expect(page.getByTestId('study-slope')).toContainText('層数 L')
  for (const id of ['study-chart-error', 'study-chart-entropy', 'study-chart-nfe']) await expect(page.getByTestId(id).locator('canvas')).toHaveCount(1)
  const body = await page.screenshot({ path: info.outputPath('study-ja.png'), fullPage: true })
  await info.attach('study-ja', { body, contentType: 'image/png' })
  expect(problems).toEqual([])
})
