// The real command: `node bin/nagare.js` spawned as a process (from the TypeScript sources via tsx).
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const BIN = join(ROOT, 'bin', 'nagare.js')

interface Exit {
  code: number | null
  stdout: string
  stderr: string
}

function nagare(args: string[], cwd: string, onStderr?: (text: string, kill: (signal: NodeJS.Signals) => void) => void): Promise<Exit> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NAGARE_CLI_FROM_SOURCE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => {
      stderr += d
      onStderr?.(stderr, (s) => child.kill(s))
    })
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }))
  })
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-spawn-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('node bin/nagare.js', () => {
  it('--help exits 0 and describes the run command', async () => {
    const r = await nagare(['--help'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Usage: nagare/)
    expect(r.stdout).toMatch(/run \[options\] <spec>/)
  })

  it('runs an example end to end: exit 0, summary on stdout, run folder at --out', async () => {
    const r = await nagare(['run', join(ROOT, 'examples', 'cdae-deeper-converges-faster.json'), '--out', 'cdae', '--backend', 'cpu'], dir)
    expect(r.stderr).toMatch(/^nagare: running "1-D CDAE, 10 layers \(deeper converges faster\)" on cpu/)
    expect(r.stderr).not.toMatch(/failed|error/i)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/backend\s+cpu/)
    expect(r.stdout).toMatch(/entropy\s+1\.4189 -> 1\.0954 nats \(closed-form\)/)
    const manifest = JSON.parse(await readFile(join(dir, 'cdae', 'run.json'), 'utf8'))
    expect(manifest.particleCount).toBe(2000)
    expect(manifest.depths).toHaveLength(26)
  })

  it('exit 2 with field errors for an invalid spec', async () => {
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ version: 2, name: 'x' }))
    const r = await nagare(['run', 'bad.json', '--out', 'nope'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^ {2}version: .+$/m)
    expect(r.stderr).toMatch(/^ {2}distribution: .+$/m)
    expect(r.stdout).toBe('')
  })

  it('SIGINT cancels the run: exit 130, nothing left behind', async () => {
    const spec = JSON.parse(await readFile(join(ROOT, 'examples', 'paper-47.json'), 'utf8'))
    spec.particles.count = 50_000
    spec.integration.stepSize = 0.0005
    await writeFile(join(dir, 'long.json'), JSON.stringify(spec))
    let sent = false
    // interrupt once the command says it is running (its SIGINT handler is installed by then)
    const r = await nagare(['run', 'long.json', '--out', 'interrupted'], dir, (text, kill) => {
      if (!sent && text.includes('running')) {
        sent = true
        setTimeout(() => kill('SIGINT'), 500)
      }
    })
    expect(sent).toBe(true)
    expect(r.code).toBe(130)
    expect(r.stderr).toMatch(/interrupted; nothing was written/)
    expect((await readdir(dir)).filter((n) => n.includes('interrupted'))).toEqual([])
  })
})
