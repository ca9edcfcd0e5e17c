// End to end in browser mode with the real engine: the "Train a continuous-depth network" wizard with
// the Fast preview preset on moons; the live loss chart fills from the epoch numbers progress events carry while training
// runs; the finished run shows its held-out accuracy, its loss curve and the trajectories coloured by class.
import { expect, test } from '@playwright/test'
import { watchProblems } from './page-problems'

const token = process.env.NAGARE_E2E_TOKEN ?? ''

test('trains a neural ODE on moons with the Fast preview and reports its accuracy', async ({ page }, info) => {
  test.setTimeout(240_000)
  const problems = watchProblems(page)
  await page.goto(`/?token=${token}#/train`)
  await expect(page.getByTestId('train-wizard')).toBeVisible()

  await page.getByTestId('train-preset-fast').click()
  await page.getByTestId('train-task-classify').click()
  await page.getByTestId('train-dataset').selectOption('moons')
  await expect(page.getByTestId('train-points')).toHaveValue('500')
  await page.getByTestId('train-next').click()
  await expect(page.getByTestId('train-width')).toHaveValue('16')
  await page.getByTestId('train-next').click()
  await expect(page.getByTestId('train-layers')).toHaveText('T / h = 4 layers')
  // an error appears next to its field as the user types, blocks Next, and clears
  await page.getByTestId('train-step').fill('0.3')
  await expect(page.getByTestId('train-step-error')).toContainText('whole number of steps')
  await expect(page.getByTestId('train-next')).toBeDisabled()
  await page.getByTestId('train-step').fill('0.25')
  await expect(page.getByTestId('train-step-error')).toHaveCount(0)
  await page.getByTestId('train-next').click()
  await expect(page.getByTestId('train-step-regularisation')).toBeVisible()
  await page.getByTestId('train-next').click()
  // cost before Run: parameters of v(x, t) (370) and the 2-class head (6); 8 epochs x 4 batches x 4 steps x 4 stages
  await expect(page.getByTestId('train-cost-parameters')).toHaveText('376')
  await expect(page.getByTestId('train-cost-evaluations')).toHaveText('512')
  await page.getByText('The spec (JSON)').click()
  await expect(page.getByTestId('train-spec-json')).toContainText('"name": "moons"')
  const wizardShot = await page.screenshot({ path: info.outputPath('01-train-wizard.png') })
  await info.attach('01-train-wizard', { body: wizardShot, contentType: 'image/png' })

  await page.getByTestId('train-run').click()
  // the live chart receives epoch records while the job runs
  const live = page.getByTestId('train-live')
  await expect.poll(async () => Number(await live.getAttribute('data-live-points')), { timeout: 120_000 }).toBeGreaterThanOrEqual(2)
  await expect(page.getByTestId('train-loss-chart').locator('canvas')).toHaveCount(1)

  // the finished run: accuracy, the report's final values, the results workspace
  const accuracy = page.getByTestId('train-report-accuracy')
  await expect(accuracy).toBeVisible({ timeout: 180_000 })
  await expect(accuracy).toHaveText(/^\d{1,3}(\.\d)?%$/)
  const pct = Number((await accuracy.innerText()).replace('%', ''))
  expect(pct).toBeGreaterThan(50)
  await expect(page.getByTestId('train-report-epochs')).toContainText(/\d/)
  await expect(page.getByTestId('run-summary')).toBeVisible()
  await expect(page.getByTestId('summary-particles')).toContainText('500')
  await expect(page.getByTestId('trajectory-legend')).toBeVisible()
  await expect(page.getByTestId('train-loss-chart')).toHaveAttribute('data-points', /^[1-9]\d*$/)
  const done = await page.screenshot({ path: info.outputPath('02-train-done.png'), fullPage: true })
  await info.attach('02-train-done', { body: done, contentType: 'image/png' })
  expect(problems).toEqual([])
})
