// End to end in browser mode with the real engine: two runs compared side by side with one scrubber,
// and every export of a run produces a file that opens (PNG decodes, CSV parses, NPY loads, JSON is a
// valid spec, the archive is a zip, the report renders).
import { expect, test, type Download, type Page } from '@playwright/test'
import { readFileSync, writeFileSync } from 'node:fs'
import { parseSpec } from '../../shared/experiment'
import { readNpy } from '../../electron/engine/formats/npy'
import { connectEngine } from './engine-client'

const token = process.env.NAGARE_E2E_TOKEN ?? ''
const port = Number(process.env.NAGARE_E2E_PORT)

const spec = (name: string, preset: string, count: number) => ({
  version: 1,
  name,
  seed: 3,
  distribution: { kind: 'preset', name: preset },
  particles: { kind: 'sample', count },
  flow: { kind: 'continuous-dae' },
  integration: { solver: 'rk4', depth: 0.4, stepSize: 0.02, samples: 11 }
})

let idA = ''
let idB = ''
test.beforeAll(async () => {
  const engine = await connectEngine(port, token)
  try {
    idA = await engine.run(spec('compare A (47)', 'paper-47', 600))
    idB = await engine.run(spec('compare B (45)', 'paper-45', 400))
  } finally {
    engine.close()
  }
})

async function saved(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()])
  const d = download as Download
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) }
}

/** width and height from a PNG's IHDR chunk, after checking the signature */
function pngSize(b: Buffer): [number, number] {
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(b.toString('latin1', 12, 16)).toBe('IHDR')
  return [b.readUInt32BE(16), b.readUInt32BE(20)]
}

test('compares two runs with one depth scrubber', async ({ page }, info) => {
  await page.goto(`/?token=${token}#/compare?a=${idA}&b=${idB}`)
  await expect(page.getByTestId('compare-view')).toBeVisible()
  await expect(page.getByTestId('compare-view')).toContainText('A: compare A (47)')
  await expect(page.getByTestId('compare-view')).toContainText('B: compare B (45)')
  // the key numbers side by side: 600 and 400 particles
  await expect(page.getByTestId('compare-table').getByRole('row', { name: /particles/ })).toContainText(/600\s*400/)
  for (const id of ['compare-chart-entropy', 'compare-chart-w2']) await expect(page.getByTestId(id).locator('canvas')).toHaveCount(1)
  const viewA = page.getByTestId('compare-view-a').getByTestId('trajectory-legend')
  const viewB = page.getByTestId('compare-view-b').getByTestId('trajectory-legend')
  const before = [await viewA.innerText(), await viewB.innerText()]
  const slider = page.getByTestId('compare-depth')
  await slider.focus()
  await page.keyboard.press('End')
  // both legends follow the one scrubber to the end depth
  await expect(viewA).not.toHaveText(before[0])
  await expect(viewB).not.toHaveText(before[1])
  await expect(viewA).toContainText('0.4')
  await expect(viewB).toContainText('0.4')
  await page.screenshot({ path: info.outputPath('compare.png'), fullPage: true })
})

test('every export of a run opens', async ({ page }, info) => {
  await page.goto(`/?token=${token}#/run?id=${idA}`)
  await expect(page.getByTestId('export-menu')).toBeVisible()
  await expect(page.getByTestId('trajectory-legend')).toBeVisible()

  const metrics = await saved(page, 'export-metrics-csv')
  const lines = metrics.bytes.toString('utf8').trim().split(/\r?\n/)
  expect(lines).toHaveLength(1 + 11)
  const header = lines[0].split(',')
  expect(header).toContain('depth')
  expect(header).toContain('entropy')
  expect(Number(lines[11].split(',')[header.indexOf('depth')])).toBeCloseTo(0.4, 12)

  const traj = await saved(page, 'export-trajectories-csv')
  const rows = traj.bytes.toString('utf8').trim().split(/\r?\n/)
  expect(rows[0]).toBe('sample,depth,particle,x,y,label')
  expect(rows).toHaveLength(1 + 11 * 600)
  expect(rows[1].split(',').map(Number).every(Number.isFinite)).toBe(true)

  const npy = await saved(page, 'export-trajectories-npy')
  const path = info.outputPath(npy.name)
  writeFileSync(path, npy.bytes)
  const arr = await readNpy(path)
  expect(arr.shape).toEqual([11, 600, 2])

  const specFile = await saved(page, 'export-spec-json')
  expect(parseSpec(JSON.parse(specFile.bytes.toString('utf8'))).ok).toBe(true)

  const view = await saved(page, 'export-view-png')
  const [w, h] = pngSize(view.bytes)
  expect(w).toBeGreaterThan(100)
  expect(h).toBeGreaterThan(100)

  const archive = await saved(page, 'export-archive')
  expect(archive.bytes.toString('latin1', 0, 2)).toBe('PK')

  await page.getByTestId('export-report').click()
  await expect(page.getByTestId('report-view')).toBeVisible()
  await expect(page.getByTestId('report-title')).toHaveText('compare A (47)')
  await expect(page.getByTestId('report-snapshot')).toBeVisible()
  for (const id of ['report-chart-entropy', 'report-chart-w2']) await expect(page.getByTestId(id).locator('canvas')).toHaveCount(1)
  await page.emulateMedia({ media: 'print' })
  await page.screenshot({ path: info.outputPath('report-print.png'), fullPage: true })
})
