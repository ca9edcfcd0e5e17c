// Captured streams for calling the CLI's main() in-process.
import type { CliIo } from '../../../electron/cli/io'

export interface Captured extends CliIo {
  out: () => string
  err: () => string
  interrupt: () => void
}

export function captureIo(cwd: string, isTTY = false): Captured {
  let out = ''
  let err = ''
  let handler: (() => void) | undefined
  return {
    cwd,
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s), isTTY },
    onInterrupt(h) {
      handler = h
      return () => (handler = undefined)
    },
    out: () => out,
    err: () => err,
    interrupt: () => handler?.()
  }
}
