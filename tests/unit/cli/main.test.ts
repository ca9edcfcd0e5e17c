// The CLI logic in-process with injected streams (the real engine runs the specs).
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { RunManifestSchema } from '../../../shared/run'
import { main } from '../../../electron/cli/main'
import { readNpy } from '../../../electron/engine/formats/npy'
import { RunFolderWriter } from '../../../electron/engine/runs/run-folder'
import { captureIo } from './cli-io'
import { setThreadSetting } from '../../../electron/engine/pool/sizing'

const EXAMPLES = resolve(__dirname, '../../../examples')
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-cli-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const argv = (...args: string[]): string[] => ['node', 'nagare', ...args]

describe('nagare CLI (main)', () => {
  it('--help prints usage and exits 0; no command or bad options exit 2', async () => {
    const io = captureIo(dir)
    expect(await main(argv('--help'), io)).toBe(0)
    expect(io.out()).toMatch(/Usage: nagare/)
    expect(io.out()).toMatch(/run \[options\] <spec>/)
    const io2 = captureIo(dir)
    expect(await main(argv('run', '--help'), io2)).toBe(0)
    expect(io2.out()).toMatch(/--out <dir>/)
    expect(io2.out()).toMatch(/--backend <name>/)
    expect(await main(argv(), captureIo(dir))).toBe(2)
    expect(await main(argv('run', 'x.json'), captureIo(dir))).toBe(2) // --out missing
    expect(await main(argv('run', 'x.json', '--out', 'o', '--backend', 'gpu'), captureIo(dir))).toBe(2)
    expect(await main(argv('fly'), captureIo(dir))).toBe(2)
  })

  it('runs an example, writes the run folder at --out and prints a short summary', async () => {
    const io = captureIo(dir)
    const code = await main(argv('run', join(EXAMPLES, 'paper-45-shallow.json'), '--out', 'shallow-run'), io)
    expect(io.err()).toMatch(/^nagare: running "paper-45 shallow DAE \(13 start points\)" on \w+ \(Ctrl-C cancels\)\n$/)
    expect(code).toBe(0)
    const out = join(dir, 'shallow-run')
    expect((await readdir(out)).sort()).toEqual(['labels.npy', 'metrics.csv', 'run.json', 'trajectories.npy'])
    const m = RunManifestSchema.parse(JSON.parse(await readFile(join(out, 'run.json'), 'utf8')))
    expect((await readNpy(join(out, 'trajectories.npy'))).shape).toEqual([46, 13, 2])
    const text = io.out()
    expect(text).toContain(m.id)
    expect(text).toMatch(new RegExp(`backend\\s+${m.backend}`))
    expect(text).toMatch(/NFE\s+45 /)
    expect(text).toMatch(/entropy\s+\d+\.\d{4} -> \d+\.\d{4} nats/)
    expect(text).not.toMatch(/[{}]/) // not JSON
    // nothing else was left beside it
    expect((await readdir(dir)).filter((n) => n.includes('partial'))).toEqual([])
  })

  it('--threads is recorded in run.json and the summary; a count that is not a whole number from 1 exits 2', async () => {
    try {
      const io = captureIo(dir)
      expect(await main(argv('run', join(EXAMPLES, 'paper-45-shallow.json'), '--out', 'threads-run', '--threads', '2'), io)).toBe(0)
      const m = RunManifestSchema.parse(JSON.parse(await readFile(join(dir, 'threads-run', 'run.json'), 'utf8')))
      expect(m.threads).toBe(2)
      expect(io.out()).toMatch(/backend\s+\w+, 2 thread\(s\)/)
      for (const bad of ['0', '1.5', 'many']) {
        const io2 = captureIo(dir)
        expect(await main(argv('run', join(EXAMPLES, 'paper-45-shallow.json'), '--out', `bad-threads-${bad}`, '--threads', bad), io2)).toBe(2)
        expect(io2.err()).toMatch(/--threads must be a whole number/)
      }
    } finally {
      setThreadSetting(undefined)
    }
  })

  it('exit 2 for an invalid spec, naming each field, and for unusable input', async () => {
    const bad = join(dir, 'bad.json')
    await writeFile(
      bad,
      JSON.stringify({
        version: 1,
        name: '',
        distribution: { kind: 'preset', name: 'paper-47' },
        particles: { kind: 'sample', count: 0 },
        flow: { kind: 'continuous-dae' },
        integration: { solver: 'rk4', depth: 0.45, stepSize: 0.005, samples: 46 }
      })
    )
    const io = captureIo(dir)
    expect(await main(argv('run', bad, '--out', 'never'), io)).toBe(2)
    expect(io.err()).toMatch(/^ {2}name: .+$/m)
    expect(io.err()).toMatch(/^ {2}particles\.count: .+$/m)
    const notJson = join(dir, 'not.json')
    await writeFile(notJson, '{ version: 1')
    const io2 = captureIo(dir)
    expect(await main(argv('run', notJson, '--out', 'never'), io2)).toBe(2)
    expect(io2.err()).toMatch(/not valid JSON/)
    const io3 = captureIo(dir)
    expect(await main(argv('run', 'missing.json', '--out', 'never'), io3)).toBe(2)
    expect(io3.err()).toMatch(/cannot read/)
    await mkdir(join(dir, 'full'))
    await writeFile(join(dir, 'full', 'keep.txt'), 'mine')
    const io4 = captureIo(dir)
    expect(await main(argv('run', join(EXAMPLES, 'paper-45-shallow.json'), '--out', 'full'), io4)).toBe(2)
    expect(io4.err()).toMatch(/not empty/)
    expect(await readFile(join(dir, 'full', 'keep.txt'), 'utf8')).toBe('mine')
    expect(await readdir(dir)).not.toContain('never')
  })

  it('exit 1 when the run fails (a real blow-up), leaving nothing behind', async () => {
    // empirical DAE with a tiny bandwidth and a coarse Euler step overshoots by ~h/bandwidth per step
    const spec = {
      version: 1,
      name: 'blow up',
      distribution: { kind: 'preset', name: 'swiss-roll-2d' },
      particles: { kind: 'sample', count: 100 },
      flow: { kind: 'empirical-dae', bandwidth: 1e-4, referenceSize: 10 },
      integration: { solver: 'euler', depth: 0.5, stepSize: 0.01, samples: 3 }
    }
    await writeFile(join(dir, 'blow.json'), JSON.stringify(spec))
    const io = captureIo(dir)
    expect(await main(argv('run', 'blow.json', '--out', 'blown'), io)).toBe(1)
    expect(io.err()).toMatch(/run failed: integration blew up at depth/)
    expect((await readdir(dir)).filter((n) => n.includes('blown'))).toEqual([])
  })

  it('an interrupt cancels the run: exit 130 and no folder', async () => {
    const spec = JSON.parse(await readFile(join(EXAMPLES, 'paper-47.json'), 'utf8'))
    spec.particles.count = 20_000
    spec.integration.stepSize = 0.0005
    await writeFile(join(dir, 'long.json'), JSON.stringify(spec))
    const io = captureIo(dir)
    const pending = main(argv('run', 'long.json', '--out', 'interrupted'), io)
    await new Promise((r) => setTimeout(r, 300))
    io.interrupt()
    expect(await pending).toBe(130)
    expect(io.err()).toMatch(/interrupted; nothing was written/)
    expect((await readdir(dir)).filter((n) => n.includes('interrupted'))).toEqual([])
  })

  it('an interrupt while the trajectories are being written (the metrics running) leaves no partial folder', async () => {
    const spec = JSON.parse(await readFile(join(EXAMPLES, 'paper-47.json'), 'utf8'))
    spec.particles.count = 20_000
    await writeFile(join(dir, 'late.json'), JSON.stringify(spec))
    const io = captureIo(dir)
    const start = RunFolderWriter.prototype.start
    let began = 0
    // Ctrl-C once the early write of trajectories.npy has made the partial folder (the metrics are running)
    const spy = vi.spyOn(RunFolderWriter.prototype, 'start').mockImplementation(function (this: RunFolderWriter, ...args) {
      began++
      start.apply(this, args)
      const partial = this.partialDir
      const poll = (): void => void (existsSync(partial) ? io.interrupt() : setTimeout(poll, 1))
      poll()
    })
    try {
      expect(await main(argv('run', 'late.json', '--out', 'late'), io)).toBe(130)
    } finally {
      spy.mockRestore()
    }
    expect(began).toBe(1)
    expect(io.err()).toMatch(/interrupted; nothing was written/)
    expect((await readdir(dir)).filter((n) => n.includes('late') && !n.endsWith('.json'))).toEqual([])
  })
})
