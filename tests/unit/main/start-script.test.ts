// scripts/start.js and scripts/ensure-build.js: the Electron-or-browser decision with child processes
// faked, the binary probe against stand-in electron packages, and when a rebuild is needed.
import { afterAll, describe, expect, it, vi } from 'vitest'
import { createRequire } from 'node:module'
import { EventEmitter } from 'node:events'
import { PassThrough } from 'node:stream'
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const require = createRequire(import.meta.url)
const startJs = require(resolve(__dirname, '../../../scripts/start.js'))
const buildJs = require(resolve(__dirname, '../../../scripts/ensure-build.js'))

const temp = mkdtempSync(join(tmpdir(), 'nagare-start-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

class FakeChild extends EventEmitter {
  stdout = new PassThrough()
  stderr = new PassThrough()
  pid = undefined
  killed: string[] = []
  kill(sig: string): void {
    this.killed.push(sig)
  }
  unref(): void {}
}

function deps(electron: string | null, env: Record<string, string | undefined> = { DISPLAY: ':0' }) {
  const server = new FakeChild()
  const app = new FakeChild()
  const d = {
    said: [] as string[],
    written: [] as string[],
    opened: [] as string[],
    spawned: [] as [string, string[], { env: Record<string, string | undefined> }][],
    serverArgs: [] as string[][],
    exits: [] as number[],
    clock: 0,
    server,
    app,
    ensureBuild: vi.fn(),
    findElectron: async () => electron,
    spawn: (cmd: string, args: string[], opts: { env: Record<string, string | undefined> }) => (d.spawned.push([cmd, args, opts]), app),
    spawnServer: (args: string[]) => (d.serverArgs.push(args), server),
    relay: vi.fn(),
    openBrowser: (url: string) => d.opened.push(url),
    say: (s: string) => d.said.push(s),
    write: (s: string) => d.written.push(s),
    exit: (code: number) => d.exits.push(code),
    now: () => d.clock,
    platform: 'linux',
    env
  }
  return d
}

const URL_LINE = 'Nagare is running at http://127.0.0.1:4567/?token=abcDEF123_-x\n'

describe('npm start decision', () => {
  it('without a binary: one plain sentence, the server with the same arguments, the browser opened', async () => {
    const d = deps(null)
    const r = await startJs.start(['--port', '4567'], d)
    expect(r.mode).toBe('browser')
    expect(d.ensureBuild).toHaveBeenCalledOnce()
    expect(d.said).toEqual([startJs.FALLBACK_SENTENCE])
    expect(startJs.FALLBACK_SENTENCE.split('. ').length).toBe(1)
    expect(d.serverArgs).toEqual([['--port', '4567']])
    expect(d.spawned).toEqual([])
    d.server.stdout.write(URL_LINE.slice(0, 30))
    d.server.stdout.write(URL_LINE.slice(30))
    await new Promise((res) => setTimeout(res, 0))
    expect(d.written.join('')).toBe(URL_LINE)
    expect(d.opened).toEqual(['http://127.0.0.1:4567/?token=abcDEF123_-x'])
    expect(d.relay).toHaveBeenCalledWith(d.server)
  })

  it('without a display, the URL is printed but no browser is launched', async () => {
    const d = deps(null, {})
    await startJs.start([], d)
    d.server.stdout.write(URL_LINE)
    await new Promise((res) => setTimeout(res, 0))
    expect(d.written.join('')).toBe(URL_LINE)
    expect(d.opened).toEqual([])
    expect(startJs.hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true)
    expect(startJs.hasDisplay('darwin', {})).toBe(true)
  })

  it('with a binary: Electron on the project folder, no server, no sentence', async () => {
    const d = deps('/opt/electron/electron', { DISPLAY: ':0', ELECTRON_RUN_AS_NODE: '1' })
    const pending = startJs.start(['--flag'], d)
    await new Promise((res) => setTimeout(res, 0))
    d.app.emit('spawn')
    const r = await pending
    expect(r.mode).toBe('desktop')
    expect(d.spawned).toHaveLength(1)
    const [cmd, args, opts] = d.spawned[0]
    expect(cmd).toBe('/opt/electron/electron')
    expect(args).toEqual([resolve(__dirname, '../../..'), '--flag'])
    expect(opts.env.ELECTRON_RUN_AS_NODE).toBeUndefined()
    expect(d.serverArgs).toEqual([])
    expect(d.said).toEqual([])
    d.clock = 60_000
    d.app.emit('exit', 0)
    expect(d.exits).toEqual([0])
  })

  it('a binary that dies at once falls back to browser mode', async () => {
    const d = deps('/opt/electron/electron')
    const pending = startJs.start([], d)
    await new Promise((res) => setTimeout(res, 0))
    d.app.emit('spawn')
    await pending
    d.clock = 800
    d.app.emit('exit', 1)
    expect(d.said).toEqual([startJs.CRASH_SENTENCE])
    expect(d.serverArgs).toEqual([[]])
    expect(d.exits).toEqual([])
  })
})

describe('findElectron', () => {
  const fakeSpawn = (child: FakeChild) => () => child

  it('returns the path printed after the marker when the file exists', async () => {
    const child = new FakeChild()
    const p = startJs.findElectron({ spawnFn: fakeSpawn(child), exists: (f: string) => f === '/bin/electron' })
    child.stdout.write('Downloading Electron binary...\n')
    child.stdout.write(`${startJs.MARKER}/bin/electron\n`)
    child.emit('close', 0)
    expect(await p).toBe('/bin/electron')
  })

  it('returns null when the download fails, the path is missing, or time runs out', async () => {
    const failed = new FakeChild()
    const p1 = startJs.findElectron({ spawnFn: fakeSpawn(failed), exists: () => true })
    failed.stderr.write('Error: getaddrinfo ENOTFOUND github.com\n')
    failed.emit('close', 1)
    expect(await p1).toBeNull()

    const missing = new FakeChild()
    const p2 = startJs.findElectron({ spawnFn: fakeSpawn(missing), exists: () => false })
    missing.stdout.write(`${startJs.MARKER}/nowhere/electron\n`)
    missing.emit('close', 0)
    expect(await p2).toBeNull()

    const hung = new FakeChild()
    expect(await startJs.findElectron({ spawnFn: fakeSpawn(hung), timeoutMs: 20, exists: () => true })).toBeNull()
    expect(hung.killed).toEqual(['SIGKILL'])
  })

  it('probes a real child against stand-in electron packages', async () => {
    const good = join(temp, 'good')
    const binary = join(good, 'electron-binary')
    mkdirSync(join(good, 'node_modules', 'electron'), { recursive: true })
    writeFileSync(binary, '')
    writeFileSync(
      join(good, 'node_modules', 'electron', 'index.js'),
      `console.log('Downloading Electron binary...'); module.exports = ${JSON.stringify(binary)}`
    )
    expect(await startJs.findElectron({ cwd: good, timeoutMs: 20_000 })).toBe(binary)

    const offline = join(temp, 'offline')
    mkdirSync(join(offline, 'node_modules', 'electron'), { recursive: true })
    writeFileSync(join(offline, 'node_modules', 'electron', 'index.js'), `throw new Error('Electron failed to install correctly')`)
    expect(await startJs.findElectron({ cwd: offline, timeoutMs: 20_000 })).toBeNull()
  })
})

describe('ensure-build', () => {
  it('builds when outputs are missing or sources are newer than the stamp, and stamps afterwards', () => {
    const root = join(temp, 'proj')
    mkdirSync(join(root, 'electron'), { recursive: true })
    writeFileSync(join(root, 'electron', 'a.ts'), '')
    expect(buildJs.buildReason(root)).toMatch(/missing/)
    for (const o of buildJs.OUTPUTS) {
      mkdirSync(join(root, o, '..'), { recursive: true })
      writeFileSync(join(root, o), '')
    }
    expect(buildJs.buildReason(root)).toBe('no build stamp')
    const run = vi.fn(() => ({ status: 0 }))
    expect(buildJs.ensureBuild(root, { run, log: () => undefined })).toBe(true)
    expect(run).toHaveBeenCalledWith('npx', ['electron-vite', 'build'], expect.objectContaining({ cwd: root }))
    // make the source clearly older than the stamp, then newer
    const past = new Date(Date.now() - 60_000)
    utimesSync(join(root, 'electron', 'a.ts'), past, past)
    expect(buildJs.buildReason(root)).toBeNull()
    expect(buildJs.ensureBuild(root, { run, log: () => undefined })).toBe(false)
    expect(run).toHaveBeenCalledTimes(1)
    // `npm run build` forces a build even when up to date
    expect(buildJs.ensureBuild(root, { run, log: () => undefined, force: true })).toBe(true)
    expect(run).toHaveBeenCalledTimes(2)
    const future = new Date(Date.now() + 60_000)
    utimesSync(join(root, 'electron', 'a.ts'), future, future)
    expect(buildJs.buildReason(root)).toMatch(/changed/)
    expect(() => buildJs.ensureBuild(root, { run: () => ({ status: 2 }), log: () => undefined })).toThrow(/exit code 2/)
  })
})
