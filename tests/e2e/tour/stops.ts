// The screen tour's stops: every screen and state a person reaches, in order. Each stop brings the page
// to one state and names it; the tour checks the layout and keeps a screenshot of each. To add a screen,
// add a stop here (a wizard: one stop per step, see wizardSteps).
import { expect, type Page } from '@playwright/test'
import { join } from 'node:path'

export interface TourContext {
  token: string
  /** finished runs prepared before the tour (compare, report, run page) */
  runA: string
  runB: string
  /** layer analyses prepared before the tour: a shift analysis (moons vs circles) and a plain one */
  shiftAnalysis: string
  plainAnalysis: string
}

export interface Stop {
  name: string
  visit(page: Page, ctx: TourContext): Promise<void>
}

const DATA_FIXTURE = join(__dirname, '../../fixtures/data/bad-column.csv')
const ONNX_FIXTURE = join(__dirname, '../../fixtures/onnx/rescnn.onnx')

async function open(page: Page, ctx: TourContext, hash: string, testid: string): Promise<void> {
  await page.goto(`/?token=${ctx.token}#/${hash}`)
  await expect(page.getByTestId(testid)).toBeVisible()
}

/**
 * The run's whole summary is in sight on the first screen, without scrolling the results pane: its box
 * ends inside the window (the pane is scrolled to its top) and inside the pane's visible height.
 */
async function expectSummaryInView(page: Page): Promise<void> {
  const pane = page.getByTestId('results')
  await expect.poll(() => pane.evaluate((el) => el.scrollTop)).toBe(0)
  const box = await page.getByTestId('run-summary').boundingBox()
  const paneBox = await pane.boundingBox()
  const vp = page.viewportSize()
  expect(box && paneBox && vp).toBeTruthy()
  expect(box!.y + box!.height).toBeLessThanOrEqual(Math.min(vp!.height, paneBox!.y + paneBox!.height))
}

/** The readout under a chart shows a number at rest (no pointer over it), not uPlot's "--"; returns it. */
async function expectReadoutNumber(page: Page, chartId: string): Promise<number> {
  await page.mouse.move(0, 0)
  const value = page.getByTestId(chartId).locator('.u-legend .u-value').nth(1)
  await expect(value).toHaveText(/^-?[\d.,]+(e-?\d+)?$/)
  return Number((await value.textContent())!.replace(/,/g, ''))
}

/** One stop per step of a wizard: the first opens the screen, the others press its Next button. */
function wizardSteps(prefix: string, hash: string, rootId: string, nextId: string, steps: string[]): Stop[] {
  return steps.map((step, i) => ({
    name: `${prefix}-${i + 1}-${step}`,
    async visit(page: Page, ctx: TourContext) {
      if (i === 0) await open(page, ctx, hash, rootId)
      else {
        await page.getByTestId(nextId).click()
        await expect(page.getByTestId(`${prefix}-tab-${step}`)).toHaveAttribute('aria-current', 'step')
      }
    }
  }))
}

export const STOPS: Stop[] = [
  { name: 'home', visit: (page, ctx) => open(page, ctx, 'home', 'home') },
  ...wizardSteps('wizard', 'dae', 'wizard', 'wizard-next', ['distribution', 'flow', 'particles', 'integration']),
  {
    // a small run from the wizard: the results beside it, the focus moved to them
    name: 'dae-results',
    async visit(page) {
      await page.getByTestId('int-depth').fill('0.3')
      await page.getByTestId('run-button').click()
      await expect(page.getByTestId('run-summary')).toBeVisible({ timeout: 60_000 })
      await expect(page.getByTestId('trajectory-legend')).toBeVisible()
      // Run folded the wizard to a rail (a larger view) and moved the focus to the results
      await expect(page.getByTestId('unfold-wizard')).toBeVisible()
      await expect(page.locator('#results-title')).toBeFocused()
      await expectSummaryInView(page)
    }
  },
  {
    // the legend folded to its depth line, fewer and fainter trajectories
    name: 'dae-results-legend-folded',
    async visit(page) {
      await page.getByTestId('legend-toggle').click()
      await expect(page.getByTestId('trajectory-keys')).toHaveCount(0)
      await page.getByTestId('lines-share').fill('0.25')
      await expect(page.getByTestId('lines-shown')).toContainText('500')
      await page.getByTestId('lines-opacity').fill('0.2')
    }
  },
  {
    name: 'run-page',
    async visit(page, ctx) {
      await open(page, ctx, `run?id=${ctx.runA}`, 'run-summary')
      await expect(page.getByTestId('trajectory-legend')).toBeVisible()
      await expectSummaryInView(page)
    }
  },
  {
    // runs and layer analyses in one list
    name: 'history',
    async visit(page, ctx) {
      await open(page, ctx, 'history', 'history')
      await expect(page.locator(`[data-testid="history-row"][data-run-id="${ctx.shiftAnalysis}"]`)).toBeVisible()
      await expect(page.locator(`[data-testid="history-row"][data-run-id="${ctx.runA}"]`)).toBeVisible()
    }
  },
  {
    name: 'compare',
    async visit(page, ctx) {
      await open(page, ctx, `compare?a=${ctx.runA}&b=${ctx.runB}`, 'compare-table')
      await expect(page.getByTestId('compare-view-b').getByTestId('trajectory-legend')).toBeVisible()
      await expectReadoutNumber(page, 'compare-chart-entropy')
    }
  },
  {
    name: 'report',
    async visit(page, ctx) {
      await open(page, ctx, `report?id=${ctx.runA}`, 'report-snapshot')
      // right after the runs, never hovered: the readout shows the end depth's entropy, the run's own summary
      const readout = await expectReadoutNumber(page, 'report-chart-entropy')
      const end = Number((await page.getByTestId('report-entropy-end').textContent())!.replace(/,/g, ''))
      expect(Math.abs(readout - end)).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(end)))
    }
  },
  {
    name: 'data-preview',
    async visit(page, ctx) {
      await open(page, ctx, 'data', 'data-view')
      await page.getByTestId('data-file').setInputFiles(DATA_FIXTURE)
      await expect(page.getByTestId('data-preview-table')).toBeVisible()
    }
  },
  ...wizardSteps('train', 'train', 'train-wizard', 'train-next', ['task', 'field', 'depth', 'regularisation', 'training']),
  { name: 'analyze', visit: (page, ctx) => open(page, ctx, 'analyze', 'analyze-wizard') },
  {
    // an ONNX model: the layer picker grouped by module path
    name: 'analyze-onnx-layers',
    async visit(page) {
      await page.getByTestId('source-onnx').click()
      await page.getByTestId('onnx-file').setInputFiles(ONNX_FIXTURE)
      await expect(page.getByTestId('layer-picker')).toBeVisible()
      await expect(page.getByTestId('picker-group-block1')).toBeVisible()
    }
  },
  {
    // a shift analysis: both clouds in the view, the shift per layer below
    name: 'analysis-shift',
    async visit(page, ctx) {
      await open(page, ctx, `analysis?id=${ctx.shiftAnalysis}`, 'layer-analysis')
      await expect(page.getByTestId('shift-panel')).toBeVisible()
      await expect(page.getByTestId('trajectory-legend')).toBeVisible()
    }
  },
  {
    // two analyses side by side with one scrubber
    name: 'analysis-compare',
    async visit(page, ctx) {
      await open(page, ctx, `analysis-compare?a=${ctx.shiftAnalysis}&b=${ctx.plainAnalysis}`, 'analysis-compare-view')
      await expect(page.locator('[data-testid^="acmp-row-"]').first()).toBeVisible()
      await expect(page.locator('[data-testid="trajectory-legend"]')).toHaveCount(2)
    }
  },
  {
    // the last layer with both legends open: the legends sit above the views, so no cloud is covered
    name: 'analysis-compare-legends-open',
    async visit(page) {
      await page.getByTestId('layer-range').focus()
      await page.keyboard.press('End')
      await expect(page.getByTestId('layer-value')).toContainText('4')
      for (const side of ['a', 'b']) {
        const view = page.getByTestId(`acmp-view-${side}`)
        await view.getByTestId('legend-toggle').click()
        await expect(view.getByTestId('trajectory-keys')).toBeVisible()
        // the legend ends where the canvas begins
        const legend = await view.getByTestId('trajectory-legend').boundingBox()
        const canvas = await view.getByTestId('trajectory-canvas').boundingBox()
        expect(legend!.y + legend!.height).toBeLessThanOrEqual(canvas!.y + 1)
      }
    }
  },
  { name: 'study', visit: (page, ctx) => open(page, ctx, 'study', 'study-view') },
  { name: 'settings', visit: (page, ctx) => open(page, ctx, 'settings', 'settings') }
]
