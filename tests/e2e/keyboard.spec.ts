// The DAE wizard completed by keyboard alone (Tab to reach a control, arrows in radio groups, typing,
// Enter to go on and to run), then the depth scrubbed by keyboard: no mouse event anywhere.
import { expect, test, type Page } from '@playwright/test'

const token = process.env.NAGARE_E2E_TOKEN ?? ''

/** Press Tab until the focus is on (or inside) the element with this test id. */
async function tabTo(page: Page, testid: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    const there = await page.evaluate(
      `(() => { const el = document.querySelector('[data-testid="${testid}"]'); return !!el && (el === document.activeElement || el.contains(document.activeElement)) })()`
    )
    if (there === true) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`${testid} cannot be reached with Tab`)
}

/** what has the focus has a visible focus ring (outline or box-shadow) */
async function focusVisible(page: Page): Promise<unknown> {
  return page.evaluate(
    `(() => { const el = document.activeElement; if (!el) return false; const s = getComputedStyle(el); return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none' })()`
  )
}

test('the DAE wizard by keyboard alone, then scrubbing depth by keyboard', async ({ page }, info) => {
  await page.goto(`/?token=${token}#/dae`)
  await expect(page.getByTestId('wizard')).toBeVisible()

  // step 1: the preset radio group; ArrowUp then ArrowDown lands back on (47), which is checked
  await tabTo(page, 'preset-paper-47')
  expect(await focusVisible(page)).toBe(true)
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('preset-paper-47').locator('input')).toBeChecked()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('step-flow')).toBeVisible()

  // step 2: the shallow DAE, chosen with the arrow keys in the flow group
  await tabTo(page, 'flow-continuous-dae')
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('flow-shallow-dae').locator('input')).toBeChecked()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('step-particles')).toBeVisible()

  // step 3: 1,500 sampled particles, typed
  await tabTo(page, 'particles-count')
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('1500')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('step-integration')).toBeVisible()

  // step 4: Tab to Run, Enter
  await tabTo(page, 'run-button')
  expect(await focusVisible(page)).toBe(true)
  await page.keyboard.press('Enter')
  const legend = page.getByTestId('trajectory-legend')
  await expect(legend).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('run-summary')).toContainText('1,500')
  await expect(page.getByTestId('run-summary')).toContainText('shallow')

  // the depth scrubber: End goes to the last depth, Home back to 0
  await tabTo(page, 'depth-range')
  expect(await focusVisible(page)).toBe(true)
  const value = page.getByTestId('depth-value')
  await page.keyboard.press('Home')
  const start = await value.innerText()
  await page.keyboard.press('End')
  await expect(value).not.toHaveText(start)
  await page.screenshot({ path: info.outputPath('keyboard-dae.png') })
})
