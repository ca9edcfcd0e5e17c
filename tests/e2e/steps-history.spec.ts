// End to end in browser mode with the real engine: the step size asked for is the step size used.
// Two DAE runs of (47) with h = 0.01 and h = 0.005 show their h and different NFE in the cost panel,
// History and Compare; a step size that does not divide the depth is refused; a depth near t* is warned;
// a new run starts at depth 0; the app's Back and Forward show the run the address names; a fresh wizard
// does not show a run opened elsewhere. In English and in Japanese, with screenshots at 1366x768.
import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { watchProblems } from './page-problems'

const token = process.env.NAGARE_E2E_TOKEN ?? ''
const workspace = process.env.NAGARE_E2E_WORKSPACE ?? ''

function runFolders(): string[] {
  try {
    // a run is written to a hidden .partial-* folder first, then renamed
    return readdirSync(join(workspace, 'runs'))
      .filter((f) => !f.startsWith('.'))
      .sort()
  } catch {
    return []
  }
}

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ path: info.outputPath(`${name}.png`) })
  await info.attach(name, { body, contentType: 'image/png' })
}

/** Run the wizard's current settings with step size h; the id of the new run folder. */
async function runWithStep(page: Page, h: string): Promise<string> {
  const before = runFolders()
  await page.getByTestId('int-step').fill(h)
  await expect(page.getByTestId('run-button')).toBeEnabled()
  await page.getByTestId('run-button').click()
  await expect.poll(() => runFolders().length, { timeout: 60_000 }).toBe(before.length + 1)
  const id = runFolders().filter((f) => !before.includes(f))[0]
  await expect(page.getByTestId('run-summary')).toBeVisible({ timeout: 60_000 })
  return id
}

/** Back to the wizard's last step after a run (Run may fold the wizard away to give the view the width). */
async function reopenIntegration(page: Page): Promise<void> {
  const unfold = page.getByTestId('unfold-wizard')
  if ((await unfold.count()) > 0) await unfold.click()
  if ((await page.getByTestId('step-integration').count()) === 0) await page.getByTestId('wizard-tab-integration').click()
  await expect(page.getByTestId('step-integration')).toBeVisible()
}

const row = (page: Page, id: string) => page.locator(`[data-testid="history-row"][data-run-id="${id}"]`)

test('two runs with h = 0.01 and 0.005: h and NFE in the cost panel, History and Compare; Back and Forward', async ({ page }, info) => {
  const problems = watchProblems(page)
  await page.goto(`/?token=${token}#/dae`)
  await expect(page.getByTestId('wizard')).toBeVisible()
  await page.getByTestId('language-switch').selectOption('en')
  await page.getByTestId('preset-paper-47').click()
  await page.getByTestId('wizard-next').click()
  await page.getByTestId('flow-continuous-dae').click()
  await page.getByTestId('wizard-next').click()
  await page.getByTestId('particles-sample').click()
  await page.getByTestId('particles-count').fill('300')
  await page.getByTestId('wizard-next').click()
  await page.getByTestId('int-solver').selectOption('rk4')
  await page.getByTestId('int-depth').fill('0.4')
  await page.getByTestId('int-samples').fill('46')

  // a step size that does not divide the depth is refused at the field, with one that does
  await page.getByTestId('int-step').fill('0.03')
  await expect(page.getByTestId('int-step-error')).toContainText('is not a whole number')
  await expect(page.getByTestId('int-step-error')).toContainText('0.025')
  await expect(page.getByTestId('run-button')).toBeDisabled()
  // near the singular time t* = 0.5 of (47): a warning, not a refusal
  await page.getByTestId('int-step').fill('0.01')
  await page.getByTestId('int-depth').fill('0.47')
  await expect(page.getByTestId('singular-warning')).toContainText('94% of the singular time')
  await expect(page.getByTestId('run-button')).toBeEnabled()
  await shot(page, info, 'steps-01-wizard-near-singular-en')
  await page.getByTestId('int-depth').fill('0.4')
  await expect(page.getByTestId('singular-warning')).toHaveCount(0)
  await expect(page.getByTestId('cost-step-size')).toContainText('0.01 (every step has exactly this size)')
  await expect(page.getByTestId('cost-steps')).toHaveText('40')
  await expect(page.getByTestId('cost-nfe')).toHaveText('161 per particle batch')
  await expect(page.getByTestId('run-name')).toHaveAttribute('placeholder', /paper-47 continuous-dae, rk4 h=0.01/)
  await shot(page, info, 'steps-02-wizard-cost-en')

  const coarse = await runWithStep(page, '0.01')
  // a new run starts at depth 0
  await expect(page.getByTestId('depth-value')).toContainText('t = 0.00 of 0.40')
  await page.getByTestId('depth-range').focus()
  await page.keyboard.press('End')
  await expect(page.getByTestId('depth-value')).toContainText('t = 0.40 of 0.40')
  await reopenIntegration(page)
  await page.getByTestId('int-step').fill('0.005')
  await expect(page.getByTestId('cost-nfe')).toHaveText('320 per particle batch')
  const fine = await runWithStep(page, '0.005')
  await expect(page.getByTestId('depth-value')).toContainText('t = 0.00 of 0.40')
  await shot(page, info, 'steps-03-results-en')

  // History: T, solver, the h used and its NFE
  await page.getByTestId('nav-history').click()
  await expect(row(page, coarse).getByTestId('run-step')).toHaveText('0.01')
  await expect(row(page, fine).getByTestId('run-step')).toHaveText('0.005')
  await expect(row(page, coarse).getByTestId('run-nfe')).toHaveText('161')
  await expect(row(page, fine).getByTestId('run-nfe')).toHaveText('320')
  await expect(row(page, fine).getByTestId('run-solver')).toHaveText('rk4')
  await expect(row(page, fine).getByTestId('run-depth')).toHaveText('0.4')
  await expect(row(page, fine).getByTestId('run-name')).toContainText('rk4 h=0.005')
  await shot(page, info, 'steps-04-history-en')

  // Compare: the two h and their NFE side by side
  await page.goto(`/?token=${token}#/compare?a=${coarse}&b=${fine}`)
  const table = page.getByTestId('compare-table')
  await expect(table.getByRole('row', { name: /step size h/ })).toContainText(/0\.01\s*0\.005/)
  await expect(table.getByRole('row', { name: /field evaluations/ })).toContainText(/161\s*320/)
  await expect(table.getByRole('row', { name: /steps \(T\/h\)/ })).toContainText(/40\s*80/)
  await table.scrollIntoViewIfNeeded()
  await shot(page, info, 'steps-05-compare-en')

  // Back and Forward show the run the address names
  await page.goto(`/?token=${token}#/history`)
  await row(page, coarse).getByTestId('run-open').click()
  await expect(page.getByTestId('run-page')).toHaveAttribute('data-run-id', coarse)
  await expect(page.getByTestId('run-title')).toContainText('h=0.01')
  await expect(page.getByTestId('depth-value')).toContainText('t = 0.00 of 0.40')
  await page.getByTestId('nav-history').click()
  await row(page, fine).getByTestId('run-open').click()
  await expect(page.getByTestId('run-title')).toContainText('h=0.005')
  await page.getByTestId('nav-back').click()
  await expect(page).toHaveURL(/#\/history$/)
  await page.getByTestId('nav-back').click()
  await expect(page).toHaveURL(new RegExp(`#/run\\?id=${coarse}$`))
  await expect(page.getByTestId('run-page')).toHaveAttribute('data-run-id', coarse)
  await expect(page.getByTestId('run-title')).toContainText('h=0.01')
  await expect(page.getByTestId('rerun-step')).toHaveValue('0.01')
  await page.getByTestId('nav-forward').click()
  await page.getByTestId('nav-forward').click()
  await expect(page).toHaveURL(new RegExp(`#/run\\?id=${fine}$`))
  await expect(page.getByTestId('run-title')).toContainText('h=0.005')
  await expect(page.getByTestId('rerun-step')).toHaveValue('0.005')
  await expect(page.getByTestId('summary-step')).toHaveText('0.005')

  // a fresh visit to the DAE wizard does not show the run opened from History, nor offer to re-run it
  await page.getByTestId('nav-home').click()
  await page.getByTestId('template-dae').click()
  await expect(page.getByTestId('wizard')).toBeVisible()
  await expect(page.getByTestId('results-empty')).toBeVisible()
  await expect(page.getByTestId('rerun-controls')).toHaveCount(0)

  // the same in Japanese
  await page.getByTestId('language-switch').selectOption('ja')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
  await page.getByTestId('wizard-next').click()
  await page.getByTestId('wizard-next').click()
  await page.getByTestId('wizard-next').click()
  await page.getByTestId('int-depth').fill('0.47')
  await expect(page.getByTestId('singular-warning')).toContainText('特異時刻 t* = 0.5 の 94%')
  await expect(page.getByTestId('cost-step-size')).toContainText('すべてのステップがこの幅')
  await expect(page.getByTestId('run-name')).toHaveAttribute('placeholder', /・/)
  await shot(page, info, 'steps-06-wizard-ja')
  await page.getByTestId('int-step').fill('0.03')
  await expect(page.getByTestId('int-step-error')).toContainText('整数になりません')
  await page.goto(`/?token=${token}#/history`)
  await expect(page.locator('thead')).toContainText('ソルバー')
  await expect(row(page, fine).getByTestId('run-nfe')).toHaveText('320')
  await shot(page, info, 'steps-07-history-ja')
  await page.goto(`/?token=${token}#/compare?a=${coarse}&b=${fine}`)
  await expect(page.getByTestId('compare-table').getByRole('row', { name: /ステップ幅 h/ })).toContainText(/0\.01\s*0\.005/)
  await page.getByTestId('compare-table').scrollIntoViewIfNeeded()
  await shot(page, info, 'steps-08-compare-ja')
  await page.goto(`/?token=${token}#/run?id=${coarse}`)
  await expect(page.getByTestId('run-summary')).toBeVisible()
  await shot(page, info, 'steps-09-run-ja')
  await page.getByTestId('language-switch').selectOption('en')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  expect(problems).toEqual([])
})
