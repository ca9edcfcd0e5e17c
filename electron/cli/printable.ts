// Text the CLI prints, made safe for a terminal: control characters (escape sequences that clear the
// screen or set the window title, carriage returns that overwrite a line, C1 controls, bidirectional
// overrides) are shown as \uXXXX instead of being sent raw. Newlines and tabs pass; inside JSON strings
// the escape is the same character, so printed JSON stays valid and equal.
import type { CliIo, CliStream } from './io'

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** A stream that writes printable text; `raw` is the stream itself (for the progress bar's own escapes). */
function printableStream(s: CliStream): CliStream {
  return { write: (text: string) => s.write(printable(text)), isTTY: s.isTTY, raw: s.raw ?? s }
}

export function printableIo(io: CliIo): CliIo {
  return { ...io, stdout: printableStream(io.stdout), stderr: printableStream(io.stderr) }
}
