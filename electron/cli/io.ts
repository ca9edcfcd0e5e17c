// The CLI's view of the outside world, injectable so the command logic is testable without a process.

export interface CliStream {
  write(text: string): unknown
  isTTY?: boolean
  /** the stream under a printable wrapper (printable.ts): the progress bar writes its own escapes to it */
  raw?: CliStream
}

export interface CliIo {
  stdout: CliStream
  stderr: CliStream
  /** base for relative paths */
  cwd: string
  /** call `handler` on Ctrl-C (SIGINT); returns an unsubscribe function */
  onInterrupt(handler: () => void): () => void
}

/** The real process: a first Ctrl-C cancels the run cleanly, a second one exits at once. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    onInterrupt(handler) {
      let count = 0
      const listener = (): void => {
        if (++count > 1) process.exit(130)
        handler()
      }
      process.on('SIGINT', listener)
      return () => process.off('SIGINT', listener)
    }
  }
}
