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
    }
  },
  {
    name: 'report',
    async visit(page, ctx) {
      await open(page, ctx, `report?id=${ctx.runA}`, 'report-snapshot')
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
  { name: 'study', visit: (page, ctx) => open(page, ctx, 'study', 'study-view') },
  { name: 'settings', visit: (page, ctx) => open(page, ctx, 'settings', 'settings') }
]
