// The desktop-only bridge (window.nagareDesktop): what only the Electron app can do, kept apart from
// the engine contract. Free of imports, so the sandboxed preload can bundle it like shared/channels.ts.

/** invoke channel of saveReportPdf: one argument, the run's name (the default file name) */
export const SAVE_REPORT_PDF_CHANNEL = 'nagare-desktop:save-report-pdf'

/** why saving failed: the request was refused or malformed, the PDF could not be made, or not written */
export type SavePdfFailure = 'refused' | 'bad-request' | 'print' | 'write'

export type SavePdfResult =
  | { ok: true; path: string }
  | { ok: false; cancelled: true }
  | { ok: false; cancelled: false; reason: SavePdfFailure; message: string }

/** What the preload exposes as window.nagareDesktop (absent in browser mode). */
export interface DesktopBridge {
  /** print the page shown (A4) to a PDF and save it where the user chooses */
  saveReportPdf(name: string): Promise<SavePdfResult>
}
