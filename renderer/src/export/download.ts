// Save bytes or text as a file the user keeps: a Blob and a temporary link (works in the desktop app,
// where Electron shows the save dialog, and in browser mode, where the browser downloads it).
export function saveFile(name: string, content: string | Uint8Array, type: string): void {
  // a Blob takes views of plain ArrayBuffers; bytes in a SharedArrayBuffer are copied first
  const part: BlobPart = typeof content === 'string' ? content : content.buffer instanceof ArrayBuffer ? (content as Uint8Array<ArrayBuffer>) : new Uint8Array(content)
  const url = URL.createObjectURL(new Blob([part], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // give the download a moment to start before the URL goes away
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A data: URL (PNG from a canvas) as bytes. */
export function dataUrlBytes(url: string): Uint8Array {
  const b64 = url.slice(url.indexOf(',') + 1)
  const bin = atob(b64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
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
