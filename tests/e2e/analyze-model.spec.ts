// End to end in browser mode with the real engine: the "Analyze an existing model" wizard on the
// NumPy-written activation dumps of tests/fixtures/layers/dumps (uploaded from the page), then the
// analysis page: the per-layer table, a flag, the 3-D view, and the layer scrubber moving the view, the
// table row and the charts; and a TF.js Layers model (D's known-weights fixture, written to a temp dir),
// whose request the wizard shows as JSON before Run.
import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import '@tensorflow/tfjs-backend-cpu'
import { buildModel, writeModel } from '../unit/engine/layers/tfjs-fixture'
import { differingPixels } from './pixels'
import { watchProblems } from './page-problems'

const token = process.env.NAGARE_E2E_TOKEN ?? ''
const workspace = process.env.NAGARE_E2E_WORKSPACE ?? ''
const DUMPS = resolve(__dirname, '../fixtures/layers/dumps')

function analyses(): string[] {
  try {
    return readdirSync(join(workspace, 'analyses'))
      .filter((f) => !f.startsWith('.'))
      .sort()
  } catch {
    return []
  }
}

async function openWizard(page: Page): Promise<string[]> {
  const problems = watchProblems(page)
  await page.goto(`/?token=${token}#/analyze`)
  await expect(page.getByTestId('analyze-wizard')).toBeVisible()
  return problems
}

/** Wait for the job to end: the analysis page, or the wizard's failure panel (whose message then fails the test). */
async function analysisOpens(page: Page): Promise<void> {
  await expect(page.getByTestId('layer-analysis').or(page.getByTestId('analyze-failed'))).toBeVisible({ timeout: 60_000 })
  const failed = page.getByTestId('analyze-failed')
  if (await failed.isVisible()) throw new Error(`the analysis failed: ${await failed.innerText()}`)
  await expect(page.getByTestId('layer-analysis')).toBeVisible()
}

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true })
  await info.attach(name, { body, contentType: 'image/png' })
}

test('analyzes activation dumps: table, flags, 3-D view, layer scrubber', async ({ page }, info) => {
  const problems = await openWizard(page)
  const before = analyses()
  await page.getByTestId('source-dumps').click()
  await page.getByTestId('dump-files').setInputFiles(['layer_1.npy', 'layer_2.csv', 'layer_10.npz', 'labels.npy'].map((f) => join(DUMPS, f)))
  await expect(page.getByTestId('dump-file-list')).toContainText('layer_10.npz')
  await expect(page.getByTestId('model-problems')).toHaveCount(0)
  await page.getByTestId('analyze-next').click()
  await expect(page.getByTestId('data-dumps-note')).toBeVisible()
  await page.getByTestId('analyze-next').click()
  await page.getByTestId('analyze-name').fill('fixture dumps')
  await expect(page.getByTestId('cost-files')).toHaveText('4')
  await expect(page.getByTestId('cost-points')).toHaveText('40')
  await shot(page, info, 'analyze-01-wizard')
  await page.getByTestId('analyze-run').click()

  // done opens the analysis page
  await analysisOpens(page)
  await expect(page).toHaveURL(/#\/analysis\?id=/)
  await expect(page.getByTestId('analysis-name')).toHaveText('fixture dumps')
  await expect(page.locator('[data-testid^="layer-row-"]')).toHaveCount(3)
  // the hidden layer keeps only 7 distinct rows of 40 (make_fixtures.py): it merges point pairs
  await expect(page.locator('.flag[data-kind="merging"]').first()).toContainText('merges')
  await expect(page.locator('.flag').first().locator('.flag-remedy')).not.toBeEmpty()
  await expect(page.getByTestId('explained-variance')).toContainText('of the variance')
  await expect(page.getByTestId('trajectory-error')).toHaveCount(0)
  await expect(page.getByTestId('trajectory-legend')).toBeVisible()
  await expect(page.getByTestId('layer-chart-knnPreservation').locator('canvas')).toHaveCount(1)
  expect(analyses().length).toBe(before.length + 1)
  await shot(page, info, 'analyze-02-analysis-layer0')

  // a column's glossary hint opens by keyboard and closes on Escape, focus back on its button
  const hint = page.getByTestId('term-hint-entropy')
  await hint.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('term-hint-entropy-text')).toBeVisible()
  await expect(page.getByTestId('term-hint-entropy-text')).toContainText('nats')
  await shot(page, info, 'analyze-02b-term-hint')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('term-hint-entropy-text')).toBeHidden()
  await expect(hint).toBeFocused()

  // scrub by keyboard: the scrubber, the highlighted row and the view's depth follow
  const canvas = (): Promise<Buffer> =>
    page.getByTestId('trajectory-canvas').screenshot({ mask: [page.getByTestId('trajectory-legend')], maskColor: '#ff00ff', animations: 'disabled' })
  const atInput = await canvas()
  const range = page.getByTestId('layer-range')
  await range.focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('layer-value')).toContainText('1 of 2')
  await expect(page.getByTestId('layer-row-1')).toHaveAttribute('aria-current', 'true')
  await expect(page.getByTestId('layer-row-0')).not.toHaveAttribute('aria-current', 'true')
  await page.keyboard.press('End')
  await expect(page.getByTestId('layer-value')).toContainText('2 of 2')
  await expect(page.getByTestId('layer-row-2')).toHaveAttribute('aria-current', 'true')
  // the last layer is 2 x input + 1: the points moved in the view
  expect(differingPixels(atInput, await canvas())).toBeGreaterThan(200)
  // a null shows as — with its reason: the input has no previous layer
  const cka = page.getByTestId('layer-row-0').locator('td[data-col="ckaToPrevious"]')
  await expect(cka).toHaveText('—')
  await expect(cka).toHaveAttribute('title', /no previous layer/)
  await shot(page, info, 'analyze-03-analysis-scrubbed')
  // the charts (x = layer index) below the table, with the cursor at the layer shown
  await page.getByTestId('layer-chart-merging').scrollIntoViewIfNeeded()
  await expect(page.locator('[data-testid^="layer-chart-"] canvas').first()).toBeVisible()
  await shot(page, info, 'analyze-04-analysis-charts')

  // the page without an id lists the analysis
  await page.getByTestId('analysis-all').click()
  await expect(page.getByTestId('analysis-picker')).toContainText('fixture dumps')
  expect(problems).toEqual([])
})

test('analyzes a TF.js Layers model on a built-in dataset', async ({ page }, info) => {
  // D's fixture: dense 2-8-8-8-2 with known weights, saved by tf.io as model.json + weights.bin
  const dir = mkdtempSync(join(tmpdir(), 'nagare-e2e-model-'))
  try {
    await writeModel(dir, await buildModel())
    const problems = await openWizard(page)
    await page.getByTestId('source-model').click()
    // the weights alone: model.json is asked for
    await page.getByTestId('model-files').setInputFiles([join(dir, 'weights.bin')])
    await expect(page.getByTestId('model-problems')).toContainText('No model.json')
    await expect(page.getByTestId('analyze-next')).toBeDisabled()
    // model.json alone: the missing weight file is named
    await page.getByTestId('model-files').setInputFiles([join(dir, 'model.json')])
    await expect(page.getByTestId('model-problems')).toContainText('weights.bin')
    await page.getByTestId('model-files').setInputFiles([join(dir, 'model.json'), join(dir, 'weights.bin')])
    await expect(page.getByTestId('model-problems')).toHaveCount(0)
    await page.getByTestId('analyze-next').click()
    await page.getByTestId('builtin-name').selectOption('moons')
    await page.getByTestId('builtin-points').fill('300')
    await page.getByTestId('analyze-next').click()
    await page.getByTestId('analyze-name').fill('fixture model')
    // the request as JSON (file contents left out): it parses and names the chosen data and files
    await page.getByTestId('analyze-request').locator('summary').click()
    const request = JSON.parse(await page.getByTestId('analyze-request-json').innerText()) as { files: { name: string; content: string }[] }
    expect(request).toMatchObject({ name: 'fixture model', source: 'tfjs-model', data: { kind: 'builtin', name: 'moons', n: 300 } })
    expect(request.files).toEqual([
      { name: 'model.json', content: '' },
      { name: 'weights.bin', content: '' }
    ])
    await shot(page, info, 'analyze-05-model-wizard')
    await page.getByTestId('analyze-run').click()
    await analysisOpens(page)
    // the input and the 4 dense layers
    await expect(page.locator('[data-testid^="layer-row-"]')).toHaveCount(5)
    await expect(page.getByTestId('layer-row-1')).toContainText('hidden1')
    await expect(page.getByTestId('layer-flags')).toBeVisible()
    await shot(page, info, 'analyze-06-model-analysis')
    expect(problems).toEqual([])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
