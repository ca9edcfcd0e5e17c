// Save bytes or text as a file the user keeps: a Blob and a temporary link (works in the desktop app,
// where Electron shows the save dialog, and in browser mode, where the browser downloads it). The one
// download path of the renderer: every save button goes through saveFile.
import { base64ToBytes } from '@shared/base64'

/** how long the object URL outlives the click: revoking at once can cancel the download in some engines */
export const REVOKE_AFTER_MS = 10_000

export function saveFile(name: string, content: string | Uint8Array | ArrayBuffer, type: string): void {
  // a Blob takes views of plain ArrayBuffers; bytes in a SharedArrayBuffer are copied first
  const part: BlobPart =
    typeof content === 'string' || content instanceof ArrayBuffer
      ? content
      : content.buffer instanceof ArrayBuffer
        ? (content as Uint8Array<ArrayBuffer>)
        : new Uint8Array(content)
  const url = URL.createObjectURL(new Blob([part], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
}

/** A data: URL (PNG from a canvas) as bytes. */
export function dataUrlBytes(url: string): Uint8Array {
  return base64ToBytes(url.slice(url.indexOf(',') + 1))
}

/** A file-name stem from a run's name: letters, digits, '-' and '_' only. */
export function fileStem(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'nagare-run'
  )
}
