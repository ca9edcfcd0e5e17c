// The screen tour: every screen and state (tour/stops.ts) in English and Japanese at 1366x768 and
// 1920x1080. Fails on a page that scrolls sideways, a document that scrolls (the header must stay put),
// text or a select cut off by its box (tour/layout-checks.ts) and any console error. Keeps a screenshot
// of every stop in test-results/screen-tour/<width>x<height>/<locale>/ for a person to look at.
// Two runs and two layer analyses (one a shift analysis) are made through the api first.
import { expect, test } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import '@tensorflow/tfjs-backend-cpu'
import { buildModel } from '../unit/engine/layers/tfjs-fixture'
import { connectEngine, type EngineClient } from './engine-client'
import { layoutProblems } from './tour/layout-checks'
import { STOPS, type TourContext } from './tour/stops'
import { english } from '../../shared/messages'
import { watchProblems } from './page-problems'

const token = process.env.NAGARE_E2E_TOKEN ?? ''
const port = Number(process.env.NAGARE_E2E_PORT)
const SHOTS = join(__dirname, '../../test-results/screen-tour')
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 }
]
const LOCALES = ['en', 'ja'] as const

const spec = (name: string, preset: string, count: number) => ({
  version: 1,
  name,
  seed: 5,
  distribution: { kind: 'preset', name: preset },
  particles: { kind: 'sample', count },
  flow: { kind: 'continuous-dae' },
  integration: { solver: 'rk4', depth: 0.4, stepSize: 0.02, samples: 11 }
})

/** a layer analysis of the small TF.js fixture model on moons (with compare data: a shift analysis) */
async function analysis(engine: EngineClient, name: string, compare: boolean): Promise<string> {
  const saved = await buildModel()
  const b64 = (b: Uint8Array | string): string => Buffer.from(b).toString('base64')
  const files = [
    { name: 'model.json', content: b64(JSON.stringify(saved.modelJson)) },
    { name: 'weights.bin', content: b64(saved.weights) }
  ]
  const data = { kind: 'builtin' as const, name: 'moons', n: 200, seed: 9 }
  const compareData = compare ? { kind: 'builtin' as const, name: 'circles', n: 150 } : undefined
  const r = await engine.call('layers.start', { name, source: 'tfjs-model', files, data, compareData })
  if (!r.ok) throw new Error(english(r.error.message))
  // the engine runs one job at a time: the analysis is saved when it shows in the list
  for (let i = 0; i < 600; i++) {
    const list = await engine.call('layers.list', {})
    const found = list.ok ? list.value.find((a) => a.name === name) : undefined
    if (found) return found.id
    await new Promise((res) => setTimeout(res, 100))
  }
  throw new Error(`the analysis ${name} did not appear`)
}

const ctx: TourContext = { token, runA: '', runB: '', shiftAnalysis: '', plainAnalysis: '' }
test.beforeAll(async () => {
  test.setTimeout(120_000)
  const engine = await connectEngine(port, token)
  try {
    ctx.runA = await engine.run(spec('Tour A (47)', 'paper-47', 400))
    ctx.runB = await engine.run(spec('Tour B (45)', 'paper-45', 300))
    ctx.shiftAnalysis = await analysis(engine, 'Tour: moons vs circles', true)
    ctx.plainAnalysis = await analysis(engine, 'Tour: moons', false)
  } finally {
    engine.close()
  }
})

for (const vp of VIEWPORTS) {
  for (const locale of LOCALES) {
    test(`screen tour ${vp.width}x${vp.height} ${locale}`, async ({ page }) => {
      test.setTimeout(180_000)
      const errors = watchProblems(page)
      await page.setViewportSize(vp)
      // the language through the header switch, as a person picks it (saved with the settings)
      await page.goto(`/?token=${token}#/home`)
      await expect(page.getByTestId('backend-name')).not.toBeEmpty()
      await page.getByTestId('language-switch').selectOption(locale)
      await expect(page.locator('html')).toHaveAttribute('lang', locale)

      const dir = join(SHOTS, `${vp.width}x${vp.height}`, locale)
      mkdirSync(dir, { recursive: true })
      const found: string[] = []
      for (const [i, stop] of STOPS.entries()) {
        await test.step(stop.name, async () => {
          await stop.visit(page, ctx)
          await expect(page.locator('html')).toHaveAttribute('lang', locale)
          // let charts and the 3-D view lay out before measuring
          await page.waitForTimeout(250)
          await page.screenshot({ path: join(dir, `${String(i + 1).padStart(2, '0')}-${stop.name}.png`) })
          for (const p of await layoutProblems(page)) found.push(`${stop.name}: ${p}`)
          for (const e of errors.splice(0)) found.push(`${stop.name}: console error: ${e}`)
        })
      }
      expect(found).toEqual([])
    })
  }
}
