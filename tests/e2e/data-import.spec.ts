// End to end in browser mode with the real engine: "Your data" (#/data) imports a CSV with a non-numeric
// column and missing cells: the issues are reported, a fill policy is refused for a column with text,
// drop-rows imports, the dataset is listed and its folder holds the copy. Screenshots go to test-results/.
import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { watchProblems } from './page-problems'

const token = process.env.NAGARE_E2E_TOKEN ?? ''
const workspace = process.env.NAGARE_E2E_WORKSPACE ?? ''
const FIXTURE = join(__dirname, '../fixtures/data/bad-column.csv')

const datasetFolders = (): string[] => {
  try {
    return readdirSync(join(workspace, 'datasets')).sort()
  } catch {
    return []
  }
}

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true })
  await info.attach(name, { body, contentType: 'image/png' })
}

test('imports a CSV with a bad column and missing cells, and lists it', async ({ page }, info) => {
  const problems = watchProblems(page)
  await page.goto(`/?token=${token}#/data`)
  await expect(page.getByTestId('data-view')).toBeVisible()
  const before = datasetFolders()

  await page.getByTestId('data-file').setInputFiles(FIXTURE)
  await expect(page.getByTestId('data-summary')).toHaveText('bad-column.csv: 5 rows, 4 columns (CSV)')
  const issues = page.getByTestId('data-issues')
  await expect(issues).toContainText(`Column 'machine' is not numeric (examples: “A”, “B”, “C”): use it as the label or leave it out.`)
  await expect(issues).toContainText(`Column 'pressure' has 1 non-numeric cell (example: “abc”)`)
  await expect(issues).toContainText(`Column 'temp' has 1 missing cell (empty, NA, NaN or null): choose what to do with it below.`)
  await expect(page.getByTestId('data-preview-table').locator('tbody tr')).toHaveCount(5)
  await expect(page.getByTestId('mean-0')).toHaveText('21.75')
  await shot(page, info, 'screen-data-preview')

  // features temp and pressure, label machine; a fill policy is refused because pressure has text
  await page.getByTestId('feature-1').check()
  await page.getByTestId('data-label').selectOption({ label: 'machine' })
  await page.getByTestId('policy-fill-mean').locator('input').check()
  await expect(page.getByTestId('data-policy-error')).toContainText(`'pressure'`)
  await expect(page.getByTestId('data-import-button')).toBeDisabled()
  await page.getByTestId('policy-drop-rows').locator('input').check()
  await expect(page.getByTestId('data-policy-error')).toHaveCount(0)
  await page.getByTestId('data-name').fill('Line 3 sensors')
  await page.getByTestId('data-import-button').click()

  await expect(page.getByTestId('data-imported')).toContainText('Imported Line 3 sensors: 2 rows × 2 columns.')
  await expect(page.getByTestId('data-imported')).toContainText('dropped 3 rows with missing or non-numeric values (2 of 5 kept)')
  const list = page.getByTestId('dataset-list')
  await expect(list).toContainText('Line 3 sensors')
  await expect(list).toContainText('2 × 2')
  await expect(list).toContainText('machine (2 classes)')

  const added = datasetFolders().filter((f) => !before.includes(f))
  expect(added).toHaveLength(1)
  const dir = join(workspace, 'datasets', added[0])
  expect(readdirSync(dir).sort()).toEqual(['data.npy', 'dataset.json', 'labels.npy', 'original.csv'])
  expect(readFileSync(join(dir, 'original.csv'))).toEqual(readFileSync(FIXTURE))
  expect(JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8'))).toMatchObject({ n: 2, d: 2, featureNames: ['temp', 'pressure'], classes: ['A', 'C'] })

  // the list survives a reload (read back from the workspace)
  await page.reload()
  await expect(page.getByTestId('dataset-list')).toContainText('Line 3 sensors')
  await shot(page, info, 'screen-data-imported')
  expect(problems).toEqual([])
})
