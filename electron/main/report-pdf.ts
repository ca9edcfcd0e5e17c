// Desktop-only "Save as PDF" of the report page: the window's own page printed to A4 by Chromium
// (webContents.printToPDF), a save dialog, and an atomic write (temporary file, fsync, rename). Answers
// only our window's main frame on app:// (the sender check of ipc.ts) and never throws.
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { PrintToPDFOptions, SaveDialogOptions } from 'electron'
import { SAVE_REPORT_PDF_CHANNEL, type SavePdfFailure, type SavePdfResult } from '../../shared/desktop-channels'
import { isTrustedSender, type InvokeEventLike, type IpcMainLike, type WindowLike } from './ipc'

/** A4 portrait, backgrounds on (the report's figures), 1 cm margins (about 0.4 inch), no browser header. */
export const PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  printBackground: true,
  landscape: false,
  preferCSSPageSize: false,
  displayHeaderFooter: false,
  margins: { top: 0.4, bottom: 0.4, left: 0.4, right: 0.4 }
}

export interface PdfWindow extends WindowLike {
  webContents: WindowLike['webContents'] & { printToPDF(options: PrintToPDFOptions): Promise<Uint8Array> }
}

export interface ReportPdfDeps {
  getWindow: () => PdfWindow | null
  showSaveDialog: (window: PdfWindow, options: SaveDialogOptions) => Promise<{ canceled: boolean; filePath?: string }>
  /** folder the dialog opens in (the user's documents) */
  defaultDir: () => string
  /** durable write; the default is write-file-atomic with fsync */
  write?: (path: string, bytes: Uint8Array) => Promise<void>
}

const atomicWrite = (path: string, bytes: Uint8Array): Promise<void> =>
  writeFileAtomic(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { fsync: true })

const MAX_NAME = 200

/** A safe default file name from the run's name: no path separators or reserved characters, ends in .pdf. */
export function pdfFileName(name: string): string {
  const stem = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} _.-]+/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 100)
  return `${stem || 'nagare-report'}.pdf`
}

const failure = (reason: SavePdfFailure, message: string): SavePdfResult => ({ ok: false, cancelled: false, reason, message })
const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** The handler of SAVE_REPORT_PDF_CHANNEL. */
export function saveReportPdfHandler(deps: ReportPdfDeps): (event: InvokeEventLike, ...args: unknown[]) => Promise<SavePdfResult> {
  const write = deps.write ?? atomicWrite
  return async (event, ...args) => {
    const window = deps.getWindow()
    if (!window || !isTrustedSender(event, window)) return failure('refused', 'request refused: it did not come from the Nagare window')
    const name = args[0]
    if (args.length !== 1 || typeof name !== 'string' || name.length > MAX_NAME)
      return failure('bad-request', `saveReportPdf takes one file name of at most ${MAX_NAME} characters`)
    let bytes: Uint8Array
    try {
      bytes = await window.webContents.printToPDF(PDF_OPTIONS)
    } catch (e) {
      return failure('print', `the page could not be printed to PDF: ${reasonOf(e)}`)
    }
    let choice: { canceled: boolean; filePath?: string }
    try {
      choice = await deps.showSaveDialog(window, {
        defaultPath: join(deps.defaultDir(), pdfFileName(name)),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation']
      })
    } catch (e) {
      return failure('write', `the save dialog failed: ${reasonOf(e)}`)
    }
    if (choice.canceled || !choice.filePath) return { ok: false, cancelled: true }
    try {
      await write(choice.filePath, bytes)
    } catch (e) {
      return failure('write', `the PDF could not be saved to ${choice.filePath}: ${reasonOf(e)}`)
    }
    return { ok: true, path: choice.filePath }
  }
}

/** Bind the desktop bridge's channel; returns a function that unbinds it. */
export function registerDesktopIpc(ipcMain: IpcMainLike, deps: ReportPdfDeps): () => void {
  ipcMain.handle(SAVE_REPORT_PDF_CHANNEL, saveReportPdfHandler(deps))
  return () => ipcMain.removeHandler(SAVE_REPORT_PDF_CHANNEL)
}
