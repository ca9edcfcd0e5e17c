// Save bytes the engine produced (a run archive) as a file through the browser's download path: a Blob,
// an object URL on a temporary <a download>, revoked once the click has been handled.
export function saveBytes(fileName: string, data: Uint8Array | ArrayBuffer, type = 'application/zip'): void {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data)
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // revoking at once can cancel the download in some engines; a short delay is enough
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
