// File bytes to base64 for data.preview, in chunks whose length is a multiple of 3 so the pieces
// concatenate into one valid base64 string without building one huge binary string.
const CHUNK = 3 * 16 * 1024

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const slice = bytes.subarray(i, i + CHUNK)
    let s = ''
    for (let k = 0; k < slice.length; k++) s += String.fromCharCode(slice[k])
    parts.push(btoa(s))
  }
  return parts.join('')
}

export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()))
}
