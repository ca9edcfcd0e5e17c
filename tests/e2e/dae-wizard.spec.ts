// End to end in browser mode with the real engine: the DAE wizard for the paper's example (47), the
// trajectories drawn, scrubbing depth, cancelling a long run, the language switch, a strict CSP.
import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { differingPixels, pixelStats } from './pixels'
import { watchProblems } from './page-problems'

const token = process.env.NAGARE_E2E_TOKEN ?? ''
const workspace = process.env.NAGARE_E2E_WORKSPACE ?? ''
const MASK = '#ff00ff'
const MASK_RGB = [255, 0, 255]

/** Entries of the workspace's runs folder (absent folder: none). */
function runFolders(): string[] {
  try {
    return readdirSync(join(workspace, 'runs')).sort()
  } catch {
    return []
  }
}

/** Open the app and collect console errors (CSP violations among them) for the test to check. */
async function openApp(page: Page): Promise<string[]> {
  const problems = watchProblems(page)
  await page.goto(`/?token=${token}#/dae`)
  await expect(page.getByTestId('backend-name')).not.toBeEmpty()
  await expect(page.getByTestId('wizard')).toBeVisible()
  return problems
}

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ path: info.outputPath(`${name}.png`) })
  await info.attach(name, { body, contentType: 'image/png' })
}

/** The 3-D canvas only: the legend overlay painted over with a fixed colour so text changes don't count. */
async function canvasShot(page: Page): Promise<Buffer> {
  return page.getByTestId('trajectory-canvas').screenshot({ mask: [page.getByTestId('trajectory-legend')], maskColor: MASK, animations: 'disabled' })
}

/** Walk the wizard to its last step with preset (47) and the given particle count. */
async function wizardTo47(page: Page, count: number): Promise<void> {
  await page.getByTestId('preset-paper-47').click()
  await page.getByTestId('wizard-next').click()
  await page.getByTestId('flow-continuous-dae').click()
  await page.getByTestId('wizard-next').click()
  await page.getByTestId('particles-sample').click()
  await page.getByTestId('particles-count').fill(String(count))
  await page.getByTestId('wizard-next').click()
  await expect(page.getByTestId('step-integration')).toBeVisible()
}

test('runs (47) through the wizard, draws the trajectories and scrubs depth', async ({ page }, info) => {
  const problems = await openApp(page)
  const before = runFolders()
  await wizardTo47(page, 2000)
  await page.getByTestId('int-solver').selectOption('rk4')
  await page.getByTestId('int-depth').fill('0.45')
  await page.getByTestId('int-step').fill('0.005')
  await page.getByTestId('int-samples').fill('46')
  await expect(page.getByTestId('singular-time')).toContainText('t* = 0.5000')
  await expect(page.getByTestId('cost-particle-steps')).toHaveText('180,000')
  // a field error appears next to its field and blocks Run, then clears
  await page.getByTestId('int-depth').fill('0.6')
  await expect(page.getByTestId('int-depth-error')).toContainText('singular time')
  await expect(page.getByTestId('run-button')).toBeDisabled()
  await page.getByTestId('int-depth').fill('0.45')
  await expect(page.getByTestId('int-depth-error')).toHaveCount(0)
  await shot(page, info, '01-wizard-47')

  await page.getByTestId('run-button').click()
  await expect(page.getByTestId('run-summary')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('trajectory-error')).toHaveCount(0)
  await expect(page.getByTestId('summary-particles')).toContainText('2,000')
  await expect(page.getByTestId('trajectory-legend')).toBeVisible()
  await expect(page.getByTestId('chart-entropy').locator('canvas')).toHaveCount(1)
  await expect(page.getByTestId('chart-slicedW2ToInput').locator('canvas')).toHaveCount(1)
  expect(runFolders().length).toBe(before.length + 1)

  // a new run starts at depth 0 (the input); End goes to the last depth
  await expect(page.getByTestId('depth-value')).toContainText('t = 0.00 of 0.45')
  await page.getByTestId('depth-range').focus()
  await page.keyboard.press('End')
  await expect(page.getByTestId('depth-value')).toContainText('t = 0.45 of 0.45')

  // the canvas is not blank: a good share of it is drawn, and trajectories show in the palette's
  // colours (axes, box and depth plane are greys and pale tints, so they alone do not pass)
  const end = await canvasShot(page)
  const stats = pixelStats(end, [MASK_RGB])
  expect(stats.foreground / stats.total).toBeGreaterThan(0.005)
  expect(stats.chromatic / stats.total).toBeGreaterThan(0.002)
  await info.attach('canvas-depth-end', { body: end, contentType: 'image/png' })
  await shot(page, info, '02-results-47-end')

  // scrub by keyboard to depth 0: the scrubber, the view and the charts' cursor all follow
  const range = page.getByTestId('depth-range')
  await range.focus()
  await page.keyboard.press('Home')
  await expect(page.getByTestId('depth-value')).toContainText('t = 0.00 of 0.45')
  await expect(page.getByTestId('trajectory-legend')).toContainText('depth t = 0')
  const start = await canvasShot(page)
  expect(differingPixels(start, end)).toBeGreaterThan(500)
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('depth-value')).not.toContainText('t = 0.00 of')
  // and to the middle by pointer-free value setting
  await range.fill('0.225')
  await expect(page.getByTestId('depth-value')).toContainText('0.225')
  const middle = await canvasShot(page)
  expect(differingPixels(middle, start)).toBeGreaterThan(500)
  await info.attach('canvas-depth-0', { body: start, contentType: 'image/png' })
  await info.attach('canvas-depth-0.225', { body: middle, contentType: 'image/png' })
  await shot(page, info, '03-results-47-scrubbed')

  // change the depth beside the view and re-run: the results update in place
  await page.getByTestId('rerun-depth').fill('0.3')
  await page.getByTestId('rerun-button').click()
  await expect(page.getByTestId('depth-value')).toContainText('of 0.30', { timeout: 60_000 })
  await expect(page.getByTestId('run-summary')).toBeVisible()
  expect(runFolders().length).toBe(before.length + 2)

  expect(problems).toEqual([])
})

test('cancels a long run: reported as cancelled, no run added', async ({ page }, info) => {
  const problems = await openApp(page)
  const before = runFolders()
  const historyBefore = await page.getByTestId('history-item').count()
  await wizardTo47(page, 200_000)
  await page.getByTestId('int-solver').selectOption('rk4')
  await page.getByTestId('int-depth').fill('0.45')
  await page.getByTestId('int-step').fill('0.0001')
  await page.getByTestId('int-samples').fill('46')
  await page.getByTestId('run-button').click()
  await expect(page.getByTestId('progress-bar')).toBeVisible()
  await expect(page.getByTestId('cancel-button')).toBeEnabled()
  await shot(page, info, '04-long-run-progress')
  await page.getByTestId('cancel-button').click()
  await expect(page.getByTestId('run-cancelled')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('run-cancelled')).toContainText('cancelled')
  await shot(page, info, '05-long-run-cancelled')
  // nothing was kept: same runs folder, same history
  expect(runFolders()).toEqual(before)
  await page.reload()
  await expect(page.getByTestId('backend-name')).not.toBeEmpty()
  await expect(page.getByTestId('history-item')).toHaveCount(historyBefore)
  expect(problems).toEqual([])
})

test('switches the language to Japanese and back', async ({ page }, info) => {
  await openApp(page)
  await page.getByTestId('language-switch').selectOption('ja')
  await expect(page.locator('#wizard-title')).toHaveText('DAE による輸送')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
  await shot(page, info, '06-japanese')
  await page.getByTestId('language-switch').selectOption('en')
  await expect(page.locator('#wizard-title')).toHaveText('DAE transport')
})
