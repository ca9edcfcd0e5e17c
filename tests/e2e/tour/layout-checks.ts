/// <reference lib="dom" />
// Layout checks of the screen tour, run inside the page: what a person would see as broken. The page
// scrolls sideways; the document scrolls at all (the shell holds still: panes scroll inside it) or the
// header is out of view; text cut off by its own box (a non-scrolling element whose content is wider
// than it, an intended ellipsis with a tooltip excepted); a select narrower than its longest option; an
// empty field's placeholder wider than the field (an ellipsis with a tooltip excepted); a tab whose name breaks across lines.
import type { Page } from '@playwright/test'

/** Pixels of overflow tolerated (sub-pixel layout, font hinting). */
export const TOLERANCE = 2

export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((tol: number) => {
    const problems: string[] = []
    const doc = document.scrollingElement ?? document.documentElement
    if (doc.scrollWidth > doc.clientWidth + tol) problems.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`)
    if (doc.scrollHeight > doc.clientHeight + tol) problems.push(`the document scrolls: ${doc.scrollHeight} > ${doc.clientHeight}`)
    // scroll the document as far as it goes: the header must still be in view
    window.scrollTo(0, doc.scrollHeight)
    const header = document.querySelector('.app-header')
    if (!header) problems.push('no header')
    else {
      const r = header.getBoundingClientRect()
      if (r.top < -tol || r.bottom > window.innerHeight + tol) problems.push(`header out of view (top ${Math.round(r.top)})`)
    }
    window.scrollTo(0, 0)

    /** a short readable name for an element: tag, test id or class, and its text */
    const describe = (el: Element): string => {
      const id = el.getAttribute('data-testid')
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : ''
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50)
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : cls} "${text}"`
    }
    const shown = (el: HTMLElement): boolean => {
      if (el.closest('.visually-hidden, [hidden], [aria-hidden="true"], canvas, svg')) return false
      const r = el.getBoundingClientRect()
      return r.width > 2 && r.height > 2 && getComputedStyle(el).visibility !== 'hidden'
    }

    const ctx = document.createElement('canvas').getContext('2d')
    for (const sel of Array.from(document.querySelectorAll('select'))) {
      if (!shown(sel) || !ctx) continue
      const cs = getComputedStyle(sel)
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`
      const longest = Math.max(0, ...Array.from(sel.options).map((o) => ctx.measureText(o.text).width))
      // the text box of a select is its width less padding and the arrow (about 20 px in Chromium)
      const room = sel.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20
      if (longest > room + tol) problems.push(`select too narrow for its longest option: ${describe(sel)} (${Math.round(longest)} > ${Math.round(room)} px)`)
    }

    // an empty text field shows its placeholder (often the name it will take): cut off, it reads as a stub
    for (const input of Array.from(
      document.querySelectorAll<HTMLInputElement>('input[placeholder]:placeholder-shown, textarea[placeholder]:placeholder-shown')
    )) {
      if (!shown(input) || !ctx) continue
      const cs = getComputedStyle(input)
      if (cs.textOverflow === 'ellipsis' && input.title) continue
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`
      const width = ctx.measureText(input.placeholder).width
      const room = input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)
      if (width > room + tol) problems.push(`placeholder cut off: ${describe(input)} "${input.placeholder}" (${Math.round(width)} > ${Math.round(room)} px)`)
    }

    const TEXT = 'button, a, label, p, h1, h2, h3, h4, th, td, li, dt, dd, summary, legend, span, strong, output, figcaption, caption'
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(TEXT))) {
      if (!shown(el)) continue
      const cs = getComputedStyle(el)
      if (cs.display === 'inline' || cs.display === 'contents') continue
      // scroll panes are meant to be wider inside than out
      if (cs.overflowX === 'auto' || cs.overflowX === 'scroll') continue
      // an intended ellipsis keeps the whole text in a tooltip
      if (cs.textOverflow === 'ellipsis' && el.title) continue
      if (el.scrollWidth > el.clientWidth + tol) problems.push(`text cut off by its box: ${describe(el)} (${el.scrollWidth} > ${el.clientWidth} px)`)
    }
    // tabs (wizard steps) on one line: a tab name broken across lines reads as two words
    for (const tab of Array.from(document.querySelectorAll<HTMLElement>('.stepper button, [role="tab"]'))) {
      if (!shown(tab)) continue
      const range = document.createRange()
      range.selectNodeContents(tab)
      const tops = new Set(
        Array.from(range.getClientRects())
          .filter((r) => r.width > 0)
          .map((r) => Math.round(r.top))
      )
      if (tops.size > 1) problems.push(`tab breaks across lines: ${describe(tab)}`)
    }
    return problems
  }, TOLERANCE)
}
