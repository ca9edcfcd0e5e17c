// End to end in browser mode: the run's chart figures as PNG. One combined figure on white at 2x (its
// width is twice the figure layout's, its corner is white, charts are drawn in it), one file per chart
// in the app's theme, and file names that say run, chart and date.
import { expect, test, type Download, type Page } from '@playwright/test'
import { readFileSync, writeFileSync } from 'node:fs'
import { connectEngine } from './engine-client'
import { decodePng, pixelStats } from './pixels'

const token = process.env.NAGARE_E2E_TOKEN ?? ''
const port = Number(process.env.NAGARE_E2E_PORT)
let id = ''

test.beforeAll(async () => {
  const engine = await connectEngine(port, token)
  try {
    id = await engine.run({
      version: 1,
      name: 'Figure run (47)',
      seed: 4,
      distribution: { kind: 'preset', name: 'paper-47' },
      particles: { kind: 'sample', count: 300 },
      flow: { kind: 'continuous-dae' },
      integration: { solver: 'rk4', depth: 0.3, stepSize: 0.02, samples: 11 }
    })
  } finally {
    engine.close()
  }
})

async function downloads(page: Page, count: number, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }[]> {
  const got: Download[] = []
  const all = new Promise<void>((resolve) => {
    page.on('download', (d) => {
      got.push(d)
      if (got.length === count) resolve()
    })
  })
  await click()
  await all
  return Promise.all(got.map(async (d) => ({ name: d.suggestedFilename(), bytes: readFileSync(await d.path()) })))
}

test('saves the charts as one combined figure on white, or one themed figure per chart', async ({ page }) => {
  await page.goto(`/?token=${token}#/run?id=${id}`)
  await expect(page.getByTestId('export-menu')).toBeVisible()
  const day = new Date().toISOString().slice(0, 10)

  await page.getByTestId('export-figure-mode').selectOption('combined')
  const [combined] = await downloads(page, 1, () => page.getByTestId('export-charts-png').click())
  expect(combined.name).toMatch(new RegExp(`^Figure-run-47-charts-\\d{4}-\\d{2}-\\d{2}\\.png$`))
  expect(combined.name.slice(-14, -4)).toBe(day)
  // kept for a person to look at
  writeFileSync(test.info().outputPath(combined.name), combined.bytes)
  const img = decodePng(combined.bytes)
  // 2x of the 672 px wide layout; white corner; a good share drawn (axes, series, texts)
  expect(img.width).toBe(2 * 672)
  expect([...img.data.subarray(0, 3)]).toEqual([255, 255, 255])
  const stats = pixelStats(combined.bytes, [])
  expect(stats.foreground / stats.total).toBeGreaterThan(0.01)
  expect(stats.chromatic / stats.total).toBeGreaterThan(0.001)

  await page.getByTestId('export-figure-mode').selectOption('each')
  await page.getByTestId('export-figure-theme').selectOption('dark')
  const each = await downloads(page, 2, () => page.getByTestId('export-charts-png').click())
  const names = each.map((d) => d.name)
  expect(names.some((n) => /^Figure-run-47-entropy-\d{4}-\d{2}-\d{2}\.png$/.test(n))).toBe(true)
  each.forEach((d) => writeFileSync(test.info().outputPath(d.name), d.bytes))
  const first = decodePng(each[0].bytes)
  expect(first.width).toBe(2 * 672)
  // the theme's panel colour (#161c23), not white
  expect([...first.data.subarray(0, 3)]).toEqual([0x16, 0x1c, 0x23])
})
