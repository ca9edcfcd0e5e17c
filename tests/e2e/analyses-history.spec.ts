// End to end in browser mode with the real engine: a shift analysis made in the wizard ("compare with
// other data": a TF.js model on moons and on circles) and its page (both clouds with a legend, the shift
// table, the farthest samples, a flag's rows); History listing runs and analyses with the kind filter,
// rename, tags, trash with undo; two analyses compared side by side with one scrubber; the same screens in
// Japanese. Screenshots at 1366x768 are attached.
import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import '@tensorflow/tfjs-backend-cpu'
import { buildModel, writeModel } from '../unit/engine/layers/tfjs-fixture'
import { connectEngine, setSavedLanguage } from './engine-client'
import { english } from '../../shared/messages'
import { watchProblems } from './page-problems'

const token = process.env.NAGARE_E2E_TOKEN ?? ''
const port = Number(process.env.NAGARE_E2E_PORT)
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: false })
  await info.attach(name, { body, contentType: 'image/png' })
}

/** a second analysis (no compare data) made through the contract, so History has two to compare */
async function plainAnalysis(name: string): Promise<string> {
  const saved = await buildModel()
  const engine = await connectEngine(port, token)
  try {
    const b64 = (b: Uint8Array | string): string => Buffer.from(b).toString('base64')
    const files = [
      { name: 'model.json', content: b64(JSON.stringify(saved.modelJson)) },
      { name: 'weights.bin', content: b64(saved.weights) }
    ]
    const r = await engine.call('layers.start', { name, source: 'tfjs-model', files, data: { kind: 'builtin', name: 'moons', n: 300, seed: 9 } })
    if (!r.ok) throw new Error(english(r.error.message))
    for (let i = 0; i < 600; i++) {
      const list = await engine.call('layers.list', {})
      const found = list.ok ? list.value.find((a) => a.name === name) : undefined
      if (found) return found.id
      await new Promise((res) => setTimeout(res, 100))
    }
    throw new Error('the analysis did not appear')
  } finally {
    engine.close()
  }
}

test.describe.configure({ mode: 'serial' })

test('a shift analysis from the wizard: both clouds, the shift per layer, a flag’s rows', async ({ page }, info) => {
  const dir = mkdtempSync(join(tmpdir(), 'nagare-e2e-shift-'))
  try {
    await writeModel(dir, await buildModel())
    const problems = watchProblems(page)
    await page.goto(`/?token=${token}#/analyze`)
    await page.getByTestId('source-model').click()
    await page.getByTestId('model-files').setInputFiles([join(dir, 'model.json'), join(dir, 'weights.bin')])
    await expect(page.getByTestId('model-problems')).toHaveCount(0)
    await page.getByTestId('analyze-next').click()
    await page.getByTestId('builtin-name').selectOption('moons')
    await page.getByTestId('builtin-points').fill('300')
    await page.getByTestId('compare-data-on').check()
    await page.getByTestId('compare-builtin').selectOption('circles')
    await page.getByTestId('compare-points').fill('200')
    await shot(page, info, 'shift-01-wizard-compare-data')
    await page.getByTestId('analyze-next').click()
    await page.getByTestId('analyze-name').fill('moons vs circles')
    await page.getByTestId('analyze-request').locator('summary').click()
    const request = JSON.parse(await page.getByTestId('analyze-request-json').innerText()) as Record<string, unknown>
    expect(request).toMatchObject({ compareData: { kind: 'builtin', name: 'circles', n: 200 } })
    await page.getByTestId('analyze-run').click()
    await expect(page.getByTestId('layer-analysis').or(page.getByTestId('analyze-failed'))).toBeVisible({ timeout: 60_000 })
    await expect(page.getByTestId('layer-analysis')).toBeVisible()

    await expect(page.getByTestId('shift-panel')).toBeVisible()
    await expect(page.locator('[data-testid^="shift-row-"]')).toHaveCount(5)
    await expect(page.getByTestId('shift-summary')).toContainText('Reference 300 points, new data 200 points.')
    await expect(page.getByTestId('trajectory-legend')).toContainText('new data')
    await expect(page.getByTestId('trajectory-legend')).toContainText('reference data')
    await expect(page.getByTestId('trajectory-error')).toHaveCount(0)
    await shot(page, info, 'shift-02-analysis-page')
    await page.getByTestId('shift-row-3').click()
    await expect(page.getByTestId('layer-value')).toContainText('3 of 4')
    await expect(page.getByTestId('shift-farthest')).toContainText('layer 3')
    await page.getByTestId('shift-panel').scrollIntoViewIfNeeded()
    await shot(page, info, 'shift-03-shift-table')
    // a flag marks its rows in the table
    const flags = page.locator('[data-testid^="flag-rows-"]')
    if ((await flags.count()) > 0) {
      await flags.first().click()
      await expect(page.locator('[data-testid^="layer-row-"][data-marked="true"]').first()).toBeVisible()
      await shot(page, info, 'shift-04-flag-rows')
    }
    expect(problems).toEqual([])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('History lists analyses with runs: kind filter, rename, tags, trash and undo', async ({ page }, info) => {
  const id = await plainAnalysis('moons only')
  const problems = watchProblems(page)
  await page.goto(`/?token=${token}#/history`)
  await expect(page.locator('[data-testid="history-row"][data-kind="analysis"]')).toHaveCount(2)
  await page.getByTestId('filter-kind').selectOption('analysis')
  const rows = page.locator('[data-testid="history-row"]')
  await expect(rows).toHaveCount(2)
  await expect(rows.first().getByTestId('entry-kind')).toHaveText('Layer analysis')
  const row = page.locator(`[data-testid="history-row"][data-run-id="${id}"]`)
  await expect(row).toContainText('moons only')
  await row.getByTestId('run-rename').click()
  await row.getByTestId('rename-input').fill('moons, seed 9')
  await row.getByTestId('rename-save').click()
  const renamed = row
  await expect(renamed.getByTestId('run-name')).toHaveText('moons, seed 9')
  await renamed.getByTestId('tag-input').fill('baseline')
  await renamed.getByTestId('tag-input').press('Enter')
  await expect(renamed.getByTestId('tag')).toContainText('baseline')
  await page.getByTestId('history-search').fill('baseline')
  await expect(rows).toHaveCount(1)
  await page.getByTestId('history-search').fill('')
  await shot(page, info, 'history-01-analyses')
  await renamed.getByTestId('run-trash').click()
  await expect(rows).toHaveCount(1)
  await page.getByTestId('undo-trash').click()
  await expect(rows).toHaveCount(2)
  // the name and tag survived the trip through the trash, and a reload
  await page.reload()
  await page.getByTestId('filter-kind').selectOption('analysis')
  await expect(rows.filter({ hasText: 'moons, seed 9' }).getByTestId('tag')).toContainText('baseline')
  expect(problems).toEqual([])
})

test('two analyses side by side: the per-layer table, one scrubber for both views', async ({ page }, info) => {
  const problems = watchProblems(page)
  await page.goto(`/?token=${token}#/history`)
  await page.getByTestId('filter-kind').selectOption('analysis')
  await page.locator('[data-testid="history-row"]').filter({ hasText: 'moons vs circles' }).getByTestId('analysis-compare').click()
  await expect(page.getByTestId('analysis-compare-view')).toBeVisible()
  await expect(page.getByTestId('acmp-matched')).toContainText('paired by name')
  await expect(page.locator('[data-testid^="acmp-row-"]')).toHaveCount(5)
  await page.getByTestId('acmp-metric').selectOption('ckaToInput')
  // the same model on moons (two seeds): the input layer's CKA to itself is 1 on both sides, B − A 0
  await expect(page.getByTestId('acmp-row-0').locator('[data-col="a"]')).toHaveText('1')
  await expect(page.getByTestId('acmp-row-0').locator('[data-col="diff"]')).toHaveText('0')
  await page.getByTestId('layer-range').focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('acmp-row-2')).toHaveAttribute('aria-current', 'true')
  await expect(page.locator('[data-testid="trajectory-legend"]')).toHaveCount(2)
  await shot(page, info, 'compare-01-analyses')
  await page.getByTestId('acmp-table').scrollIntoViewIfNeeded()
  await shot(page, info, 'compare-02-table')
  expect(problems).toEqual([])
})

test.describe('in Japanese', () => {
  test.beforeAll(() => setSavedLanguage(port, token, 'ja'))
  test.afterAll(() => setSavedLanguage(port, token, 'auto'))

  test('History, the shift analysis and the comparison in Japanese', async ({ page }, info) => {
    const problems = watchProblems(page)
    await page.goto(`/?token=${token}#/history`)
    await expect(page.locator('[data-testid="history-row"][data-kind="analysis"]').first().getByTestId('entry-kind')).toHaveText('層解析')
    await expect(page.getByTestId('filter-kind')).toContainText('層解析')
    await shot(page, info, 'ja-history-01')
    await page.locator('[data-testid="history-row"]').filter({ hasText: 'moons vs circles' }).getByTestId('run-open').click()
    await expect(page.getByTestId('shift-panel')).toContainText('層ごとのドメインシフト')
    await expect(page.getByTestId('trajectory-legend')).toContainText('新しいデータ')
    await shot(page, info, 'ja-shift-02')
    await page.getByTestId('shift-panel').scrollIntoViewIfNeeded()
    await shot(page, info, 'ja-shift-03-table')
    await page.getByTestId('analysis-compare-with').click()
    await expect(page.getByTestId('analysis-compare-view')).toContainText('2 つの層解析の比較')
    await expect(page.locator('[data-testid^="acmp-row-"]')).toHaveCount(5)
    await expect(page.getByTestId('acmp-matched')).toHaveText(JAPANESE)
    await shot(page, info, 'ja-compare-04')
    await page.getByTestId('acmp-table').scrollIntoViewIfNeeded()
    await shot(page, info, 'ja-compare-05-table')
    expect(problems).toEqual([])
  })
})
