// The short, human-readable summary printed on stdout after a headless run.
import type { RunManifest } from '../../shared/run'

export function summaryText(m: RunManifest, folder: string): string {
  const first = m.metrics[0]
  const last = m.metrics[m.metrics.length - 1]
  const s = m.solverStats
  const method = first.entropyMethod === last.entropyMethod ? first.entropyMethod : `${first.entropyMethod} / ${last.entropyMethod}`
  const lines = [
    ['run', m.id],
    ['folder', folder],
    ['backend', m.threads ? `${m.backend}, ${m.threads} thread(s)` : m.backend],
    ['particles', `${m.particleCount} x ${m.dimension}-D, ${m.depths.length} depth samples to t = ${m.depths[m.depths.length - 1]}`],
    ['NFE', `${s.nfe} (${s.acceptedSteps} steps, ${s.rejectedSteps} rejected, ${s.wallSeconds.toFixed(2)} s)`],
    ['entropy', `${m.summary.entropyStart.toFixed(4)} -> ${m.summary.entropyEnd.toFixed(4)} nats (${method})`],
    ['sliced W2', `${m.summary.slicedW2End.toFixed(4)} at the last depth`]
  ]
  return lines.map(([k, v]) => `${k.padEnd(10)} ${v}`).join('\n') + '\n'
}
