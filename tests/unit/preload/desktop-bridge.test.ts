// The desktop-only bridge window.nagareDesktop: exactly saveReportPdf, frozen, invoking its own channel
// (defined in shared/desktop-channels.ts, apart from the engine contract's) with exactly the name.
import { beforeAll, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => import('../main/electron-fake'))

import { ipcRenderer, record, resetRecord } from '../main/electron-fake'
import { SAVE_REPORT_PDF_CHANNEL, type DesktopBridge } from '../../../shared/desktop-channels'
import { channelOf, METHOD_NAMES } from '../../../shared/contract'

let bridge: DesktopBridge
beforeAll(async () => {
  resetRecord()
  await import('../../../electron/preload/index')
  const entry = record.exposed.find(([key]) => key === 'nagareDesktop')
  expect(entry).toBeDefined()
  bridge = entry![1] as DesktopBridge
})

describe('window.nagareDesktop', () => {
  it('has only saveReportPdf, and is frozen', () => {
    expect(Object.keys(bridge)).toEqual(['saveReportPdf'])
    expect(typeof bridge.saveReportPdf).toBe('function')
    expect(Object.isFrozen(bridge)).toBe(true)
  })

  it('invokes its own channel, not one of the contract', async () => {
    ipcRenderer.invoked.length = 0
    await bridge.saveReportPdf('fig 47-report')
    expect(ipcRenderer.invoked).toEqual([[SAVE_REPORT_PDF_CHANNEL, 'fig 47-report']])
    expect(METHOD_NAMES.map(channelOf)).not.toContain(SAVE_REPORT_PDF_CHANNEL)
  })
})
