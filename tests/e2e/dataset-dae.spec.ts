// End to end in browser mode with the real engine: a small CSV imported on "Your data" drives the
// closed-form continuous DAE. The wizard offers the dataset for that flow, asks K, shows the mixture the
// engine fitted and its t* (the depth is refused past it), the run completes on the dataset's rows and its
// notes name the fitted mixture. The wizard's flow step is photographed at 1366x768 in English and Japanese.
import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { join } from 'node:path'
import { watchProblems } from './page-problems'

const token = process.env.NAGARE_E2E_TOKEN ?? ''
const FIXTURE = join(__dirname, '../fixtures/data/two-blobs.csv')
// not a name another spec's filter matches (train-report-data looks for 'Two blobs' in the shared workspace)
const NAME = 'Blob pair for the DAE'

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ path: info.outputPath(`${name}.png`) })
  await info.attach(name, { body, contentType: 'image/png' })
}

test('imports a CSV and runs the continuous DAE of a mixture fitted to it', async ({ page }, info) => {
  const problems = watchProblems(page)
  await page.goto(`/?token=${token}#/data`)
  await page.getByTestId('data-file').setInputFiles(FIXTURE)
  await expect(page.getByTestId('data-summary')).toHaveText('two-blobs.csv: 120 rows, 3 columns (CSV)')
  await page.getByTestId('data-label').selectOption({ label: 'group' })
  await page.getByTestId('data-name').fill(NAME)
  await page.getByTestId('data-import-button').click()
  await expect(page.getByTestId('data-imported')).toContainText(`Imported ${NAME}: 120 rows × 2 columns.`)

  await page.goto(`/?token=${token}#/dae`)
  await expect(page.getByTestId('wizard')).toBeVisible()
  await page.getByTestId('dist-dataset').click()
  const select = page.getByTestId('dae-dataset')
  const option = select.locator('option', { hasText: NAME })
  await select.selectOption(await option.getAttribute('value'))
  await expect(page.getByTestId('dae-column-0')).toBeChecked()
  await expect(page.getByTestId('dae-column-1')).toBeChecked()
  await page.getByTestId('wizard-next').click()

  // the flow step: every DAE takes the dataset; the closed forms follow a mixture fitted to it, so K is
  // asked for the shallow DAE too, with no t* to stay below
  await page.getByTestId('flow-shallow-dae').click()
  await page.getByTestId('flow-components').fill('2')
  await expect(page.getByTestId('dataset-fit')).toContainText('Fitted to 120 rows: K = 2')
  await expect(page.getByTestId('dataset-fit')).not.toContainText('t* =')
  await expect(page.getByTestId('flow-trained-dae').locator('input')).toBeEnabled()
  await page.getByTestId('flow-continuous-dae').click()
  // a bad K is a field error beside it and blocks Next
  await page.getByTestId('flow-components').fill('0')
  await expect(page.getByTestId('flow-components-error')).toBeVisible()
  await expect(page.getByTestId('wizard-next')).toBeDisabled()
  await page.getByTestId('flow-components').fill('2')
  await expect(page.getByTestId('flow-components-error')).toHaveCount(0)
  const fit = page.getByTestId('dataset-fit')
  await expect(fit).toContainText('Fitted to 120 rows: K = 2')
  const tStar = Number(/t\* = ([0-9.]+)/.exec((await fit.textContent()) ?? '')![1])
  expect(tStar).toBeGreaterThan(0)
  await shot(page, info, 'dataset-dae-flow-en')
  await page.getByTestId('language-switch').selectOption('ja')
  await expect(fit).toContainText('120 行に当てはめ: K = 2')
  await shot(page, info, 'dataset-dae-flow-ja')
  await page.getByTestId('language-switch').selectOption('en')
  await page.getByTestId('wizard-next').click()

  await page.getByTestId('particles-count').fill('100')
  await page.getByTestId('wizard-next').click()
  await expect(page.getByTestId('step-integration')).toBeVisible()
  // the depth past the fitted t* is refused on its field; half of t* runs
  const depth = Number((tStar / 2).toPrecision(2))
  await page.getByTestId('int-solver').selectOption('rk4')
  await page.getByTestId('int-depth').fill(String(Number((tStar * 1.5).toPrecision(3))))
  await expect(page.getByTestId('int-depth-error')).toContainText('mixture fitted to the dataset')
  await expect(page.getByTestId('run-button')).toBeDisabled()
  await page.getByTestId('int-depth').fill(String(depth))
  await page.getByTestId('int-step').fill(String(depth / 10))
  await page.getByTestId('int-samples').fill('6')
  await expect(page.getByTestId('int-depth-error')).toHaveCount(0)
  await expect(page.getByTestId('singular-time')).toContainText('t* =')
  await shot(page, info, 'dataset-dae-integration-en')

  await page.getByTestId('run-button').click()
  await expect(page.getByTestId('run-summary')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('trajectory-error')).toHaveCount(0)
  await expect(page.getByTestId('summary-particles')).toContainText('100 · 2D')
  const notes = page.getByTestId('summary-notes')
  await expect(notes).toContainText(`Particles: 100 of the 120 rows of dataset "${NAME}"`)
  await expect(notes).toContainText(`2-component Gaussian mixture fitted by EM to all 120 rows of dataset "${NAME}"`)
  await shot(page, info, 'dataset-dae-result-en')
  expect(problems).toEqual([])
})
