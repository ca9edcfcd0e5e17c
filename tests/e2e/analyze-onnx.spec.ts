// End to end in browser mode with the real engine: "Analyze an existing model" with a PyTorch-exported
// ONNX model (tests/fixtures/onnx): the layer picker grouped by module path with the default choice
// checked; a folder of images (tests/fixtures/images/folder, ImageFolder labels) previewed with its
// labels and its shape checked against the model's input before Analyze (a mismatch blocks Next, the
// model's own size fixes it); then the analysis page. In Japanese: an .npy array on the residual CNN.
import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { setSavedLanguage } from './engine-client'
import { watchProblems } from './page-problems'

const token = process.env.NAGARE_E2E_TOKEN ?? ''
const port = Number(process.env.NAGARE_E2E_PORT)
const workspace = process.env.NAGARE_E2E_WORKSPACE ?? ''
const ONNX = resolve(__dirname, '../fixtures/onnx')
const IMAGES = resolve(__dirname, '../fixtures/images/folder')
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/

const analyses = (): string[] => {
  try {
    return readdirSync(join(workspace, 'analyses')).filter((f) => !f.startsWith('.'))
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

async function analysisOpens(page: Page): Promise<void> {
  await expect(page.getByTestId('layer-analysis').or(page.getByTestId('analyze-failed'))).toBeVisible({ timeout: 60_000 })
  const failed = page.getByTestId('analyze-failed')
  if (await failed.isVisible()) throw new Error(`the analysis failed: ${await failed.innerText()}`)
}

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true })
  await info.attach(name, { body, contentType: 'image/png' })
}

test('analyzes an ONNX model on a folder of images', async ({ page }, info) => {
  const problems = await openWizard(page)
  const before = analyses().length
  await page.getByTestId('source-onnx').click()
  await page.getByTestId('onnx-file').setInputFiles(join(ONNX, 'rescnn.onnx'))
  await expect(page.getByTestId('layer-picker')).toBeVisible()
  await expect(page.getByTestId('onnx-input')).toContainText('[N,3,6,6]')
  // grouped by module path; the default choice (block outputs and activations) checked
  await expect(page.getByTestId('picker-group-block1')).toContainText('/block1/relu1')
  await expect(page.getByTestId('pick-/block1/add/Add_output_0').locator('input')).toBeChecked()
  await expect(page.getByTestId('pick-/block1/conv1/Conv_output_0').locator('input')).not.toBeChecked()
  await expect(page.getByTestId('picker-count')).toContainText('8 of 15')
  await shot(page, info, 'onnx-01-picker')
  await page.getByTestId('analyze-next').click()

  await page.getByTestId('data-images').click()
  await page.getByTestId('image-folder').setInputFiles(IMAGES)
  await expect(page.getByTestId('images-found')).toContainText('4 images in 2 classes')
  await expect(page.getByTestId('image-previews').locator('.thumb .label')).toHaveText(['cat', 'cat', 'dog', 'dog'])
  // the model's fixed 6x6 RGB NCHW input preset the options; without the resize the shape differs
  await expect(page.getByTestId('image-resize')).toBeChecked()
  await expect(page.getByTestId('shape-line')).toContainText('fits')
  await page.getByTestId('image-resize').uncheck()
  await expect(page.getByTestId('data-problems')).toContainText('the model takes [N,3,6,6], the data is [N,3,4,5]')
  await expect(page.getByTestId('analyze-next')).toBeDisabled()
  await page.getByTestId('image-resize').check()
  await page.getByTestId('image-mean').fill('0.5')
  await page.getByTestId('image-std').fill('0.25')
  await expect(page.getByTestId('data-problems')).toHaveCount(0)
  await shot(page, info, 'onnx-02-images')
  await page.getByTestId('analyze-next').click()
  await page.getByTestId('analyze-name').fill('onnx images')
  // 4 images: fewer neighbours than the presets count
  await page.getByTestId('analyze-step-options').getByText('Advanced').click()
  await page.getByTestId('analyze-k').fill('2')
  await page.getByTestId('analyze-run').click()
  await analysisOpens(page)
  // the input and the 8 default tensors, named by tensor name
  await expect(page.locator('[data-testid^="layer-row-"]')).toHaveCount(9)
  await expect(page.getByTestId('layer-row-0')).toContainText('input')
  await expect(page.getByTestId('analysis-data')).toContainText('images from folder (4 images, shape [4, 3, 6, 6]; rgb, 0-1, layout NCHW, resized to 6×6)')
  await expect(page.getByTestId('trajectory-error')).toHaveCount(0)
  expect(analyses().length).toBe(before + 1)
  await shot(page, info, 'onnx-03-analysis')
  expect(problems).toEqual([])
})

test.describe('in Japanese', () => {
  test.beforeAll(() => setSavedLanguage(port, token, 'ja'))
  test.afterAll(() => setSavedLanguage(port, token, 'auto'))

  test('analyzes an ONNX model on an .npy array, with the shape checked first', async ({ page }, info) => {
    const problems = await openWizard(page)
    await page.getByTestId('source-onnx').click()
    await page.getByTestId('onnx-file').setInputFiles(join(ONNX, 'bnpool.onnx'))
    await expect(page.getByTestId('layer-picker')).toContainText('記録する層')
    await shot(page, info, 'onnx-04-picker-ja')
    await page.getByTestId('analyze-next').click()
    await page.getByTestId('data-array').click()
    // the residual CNN's inputs [24, 3, 6, 6] do not fit this model's [N, 1, 14, 14]
    await page.getByTestId('array-file').setInputFiles(join(ONNX, 'rescnn.x.npy'))
    await expect(page.getByTestId('data-problems')).toContainText('モデルの入力は [N,1,14,14] ですが、データは [N,3,6,6] です')
    await expect(page.getByTestId('analyze-next')).toBeDisabled()
    await shot(page, info, 'onnx-05-shape-ja')
    await page.getByTestId('array-file').setInputFiles(join(ONNX, 'bnpool.x.npy'))
    await expect(page.getByTestId('data-problems')).toHaveCount(0)
    await expect(page.getByTestId('shape-line')).toContainText('合っています')
    await page.getByTestId('analyze-next').click()
    await page.getByTestId('analyze-name').fill('onnx 配列')
    await page.getByTestId('analyze-run').click()
    await analysisOpens(page)
    await expect(page.getByTestId('analysis-data')).toContainText('bnpool.x.npy')
    await expect(page.getByTestId('analysis-data')).toHaveText(JAPANESE)
    await expect(page.getByTestId('layer-row-0')).toBeVisible()
    await shot(page, info, 'onnx-06-analysis-ja')
    expect(problems).toEqual([])
  })
})
