// What a page must not do during an e2e test: log a console error (a Content-Security-Policy violation
// among them) or throw. Every spec collects them the same way and expects none at the end.
import type { ConsoleMessage, Page } from '@playwright/test'

/** The page's console errors and uncaught exceptions from now on, collected as they happen. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(String(e)))
  return problems
}
