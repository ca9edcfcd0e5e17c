// "Save as PDF" of the report (electron/main/report-pdf.ts), Electron mocked: the page is printed to A4,
// the chosen file holds exactly the printed bytes (written atomically), a cancelled dialog writes
// nothing, a failed print or write is a clear error, and a foreign sender is refused before any work.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PrintToPDFOptions, SaveDialogOptions } from 'electron'
import { SAVE_REPORT_PDF_CHANNEL, type SavePdfResult } from '../../../shared/desktop-channels'
import { pdfFileName, registerDesktopIpc, saveReportPdfHandler, type PdfWindow, type ReportPdfDeps } from '../../../electron/main/report-pdf'
import type { FrameLike, IpcMainLike } from '../../../electron/main/ipc'

/** a small but real-looking PDF: header, one line, trailer (what printToPDF returns is opaque bytes) */
const FAKE_PDF = new Uint8Array(Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1'))

function fakeWindow(pdf: () => Promise<Uint8Array> = async () => FAKE_PDF) {
  const mainFrame: FrameLike = { url: 'app://nagare/index.html', routingId: 1, processId: 4, parent: null }
  const printToPDF = vi.fn((_o: PrintToPDFOptions) => pdf())
  const webContents = { mainFrame, printToPDF }
  return { webContents, isDestroyed: () => false } satisfies PdfWindow
}

let dir: string
let win: ReturnType<typeof fakeWindow>
let dialogs: SaveDialogOptions[]
let answer: { canceled: boolean; filePath?: string }

const deps = (over: Partial<ReportPdfDeps> = {}): ReportPdfDeps => ({
  getWindow: () => win,
  showSaveDialog: async (_w, o) => {
    dialogs.push(o)
    return answer
  },
  defaultDir: () => dir,
  ...over
})
const good = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame })

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nagare-pdf-'))
  win = fakeWindow()
  dialogs = []
  answer = { canceled: false, filePath: join(dir, 'chosen.pdf') }
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('saveReportPdf', () => {
  it('prints the page to A4 with backgrounds and writes exactly those bytes where the user chose', async () => {
    const r = await saveReportPdfHandler(deps())(good(), 'fig 47-run-2026')
    expect(r).toEqual({ ok: true, path: join(dir, 'chosen.pdf') })
    expect(win.webContents.printToPDF).toHaveBeenCalledTimes(1)
    expect(win.webContents.printToPDF.mock.calls[0][0]).toMatchObject({ pageSize: 'A4', printBackground: true, landscape: false })
    const written = readFileSync(join(dir, 'chosen.pdf'))
    expect(written.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(new Uint8Array(written)).toEqual(FAKE_PDF)
    // the atomic write left no temporary file beside it
    expect(readdirSync(dir)).toEqual(['chosen.pdf'])
    // the dialog proposed the run's name as a .pdf in the default folder, with a PDF filter
    expect(dialogs).toHaveLength(1)
    expect(dialogs[0].defaultPath).toBe(join(dir, 'fig 47-run-2026.pdf'))
    expect(dialogs[0].filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }])
  })

  it('replaces an existing file whole', async () => {
    writeFileSync(join(dir, 'chosen.pdf'), 'an older and much longer file '.repeat(100))
    expect((await saveReportPdfHandler(deps())(good(), 'r')).ok).toBe(true)
    expect(new Uint8Array(readFileSync(join(dir, 'chosen.pdf')))).toEqual(FAKE_PDF)
  })

  it('a cancelled dialog writes nothing and says cancelled', async () => {
    answer = { canceled: true, filePath: '' }
    const r = await saveReportPdfHandler(deps())(good(), 'r')
    expect(r).toEqual({ ok: false, cancelled: true })
    expect(readdirSync(dir)).toEqual([])
  })

  it('a write failure is a clear error naming the path, and leaves nothing', async () => {
    const target = join(dir, 'no-such-folder', 'report.pdf')
    answer = { canceled: false, filePath: target }
    const r = (await saveReportPdfHandler(deps())(good(), 'r')) as Extract<SavePdfResult, { cancelled: false }>
    expect(r.ok).toBe(false)
    expect(r.reason).toBe('write')
    expect(r.message).toContain(target)
    expect(r.message).toMatch(/ENOENT/)
    expect(readdirSync(dir)).toEqual([])
  })

  it('a failed print is a clear error, before any dialog', async () => {
    win = fakeWindow(async () => {
      throw new Error('Printing failed')
    })
    const r = await saveReportPdfHandler(deps())(good(), 'r')
    expect(r).toEqual({ ok: false, cancelled: false, reason: 'print', message: 'the page could not be printed to PDF: Printing failed' })
    expect(dialogs).toEqual([])
  })

  it('refuses a foreign sender, a subframe, another origin or no window, before printing', async () => {
    const handler = saveReportPdfHandler(deps())
    const other = { mainFrame: { ...win.webContents.mainFrame } }
    const sub: FrameLike = { url: 'app://nagare/index.html', routingId: 2, processId: 4, parent: win.webContents.mainFrame }
    const foreign: FrameLike = { url: 'https://example.com/', routingId: 1, processId: 4, parent: null }
    for (const event of [
      { sender: other, senderFrame: other.mainFrame },
      { sender: win.webContents, senderFrame: sub },
      { sender: win.webContents, senderFrame: foreign },
      { sender: win.webContents, senderFrame: null }
    ]) {
      const r = await handler(event, 'r')
      expect(r).toMatchObject({ ok: false, cancelled: false, reason: 'refused' })
    }
    const none = await saveReportPdfHandler(deps({ getWindow: () => null }))(good(), 'r')
    expect(none).toMatchObject({ ok: false, reason: 'refused' })
    expect(win.webContents.printToPDF).not.toHaveBeenCalled()
    expect(dialogs).toEqual([])
  })

  it('refuses a payload that is not one short name', async () => {
    const handler = saveReportPdfHandler(deps())
    for (const args of [[], [42], ['a', 'b'], ['x'.repeat(201)], [{ name: 'r' }]])
      expect(await handler(good(), ...args)).toMatchObject({ ok: false, reason: 'bad-request' })
    expect(win.webContents.printToPDF).not.toHaveBeenCalled()
  })
})

describe('pdfFileName', () => {
  it('keeps letters (Japanese too), digits, spaces, dots and dashes; drops path parts', () => {
    expect(pdfFileName('fig 47-run')).toBe('fig 47-run.pdf')
    expect(pdfFileName('流れ 実験')).toBe('流れ 実験.pdf')
    expect(pdfFileName('../../etc/passwd')).toBe('etc-passwd.pdf')
    expect(pdfFileName('a\\b:c*?"<>|')).toBe('a-b-c.pdf')
    expect(pdfFileName('')).toBe('nagare-report.pdf')
    expect(pdfFileName('...')).toBe('nagare-report.pdf')
  })
})

describe('registerDesktopIpc', () => {
  it('binds its one channel and unbinds it', () => {
    const handlers = new Map<string, unknown>()
    const ipcMain = { handle: (c: string, h: unknown) => handlers.set(c, h), removeHandler: (c: string) => handlers.delete(c) } as unknown as IpcMainLike
    const off = registerDesktopIpc(ipcMain, deps())
    expect([...handlers.keys()]).toEqual([SAVE_REPORT_PDF_CHANNEL])
    off()
    expect(handlers.size).toBe(0)
  })
})
