// A progress bar on stderr when stderr is a terminal (cli-progress); silent otherwise, so logs and
// pipes get only the summary.
import { SingleBar } from 'cli-progress'
import { english, type Message } from '../../shared/messages'
import type { CliStream } from './io'

export interface ProgressView {
  /** the phase is a Message (the engine's) or a plain English line (the CLI's own) */
  update(fraction: number, depth?: number, message?: Message | string): void
  stop(): void
}

export function progressView(stream: CliStream): ProgressView {
  if (!stream.isTTY) return { update: () => {}, stop: () => {} }
  const bar = new SingleBar({
    stream: (stream.raw ?? stream) as NodeJS.WritableStream,
    format: 'nagare {bar} {percentage}% | depth {depth} | {phase}',
    hideCursor: true,
    clearOnComplete: true,
    fps: 10
  })
  bar.start(100, 0, { depth: '-', phase: 'starting' })
  return {
    update(fraction, depth, message) {
      bar.update(Math.round(fraction * 1000) / 10, {
        ...(depth === undefined ? {} : { depth: depth.toFixed(4) }),
        ...(message ? { phase: typeof message === 'string' ? message : english(message) } : {})
      })
    },
    stop() {
      bar.stop()
    }
  }
}
