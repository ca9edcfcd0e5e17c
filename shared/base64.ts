// Bytes <-> base64 with the platform's btoa/atob, which the browser and Node both have, so the renderer
// (uploads, data: URLs) and anything shared use one encoder. Encoding goes in chunks whose length is a
// multiple of 3: the pieces concatenate into one valid string, and no huge binary string or argument
// list is ever built.
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

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}
