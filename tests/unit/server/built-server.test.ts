// The built browser-mode server as users run it (node out/main/server.js): the one printed line, the
// token, the real engine in its worker thread, and a clean exit on SIGTERM. Needs `npm run build`
// first (npm test builds before the unit tests); without out/ these tests are reported as skipped.
import { afterAll, describe, expect, it } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import WebSocket from 'ws'
import { parseServeArgs } from '../../../electron/server/args'

const serverJs = resolve(__dirname, '../../../out/main/server.js')
const built = existsSync(serverJs) && existsSync(resolve(__dirname, '../../../out/main/worker.js'))
const workspace = mkdtempSync(join(tmpdir(), 'nagare-built-'))
afterAll(() => rmSync(workspace, { recursive: true, force: true }))

function launch(env: Record<string, string>, args: string[] = []): { child: ChildProcess; line: Promise<string>; stdout: () => string } {
  const child = spawn(process.execPath, [serverJs, '--port', '0', '--workspace', workspace, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  const line = new Promise<string>((res, rej) => {
    child.stdout!.on('data', (d) => {
      out += d
      if (out.includes('\n')) res(out.split('\n')[0])
    })
    child.on('exit', (code) => rej(new Error(`server exited early with ${code}`)))
  })
  return { child, line, stdout: () => out }
}

const status = (port: number, path: string): Promise<number> =>
  new Promise((res, rej) =>
    request({ host: '127.0.0.1', port, path }, (r) => (r.resume(), res(r.statusCode ?? 0)))
      .on('error', rej)
      .end()
  )

describe.skipIf(!built)('node out/main/server.js (built)', () => {
  it('prints exactly one line, serves with the token, runs the real engine, and stops cleanly on SIGTERM', async () => {
    const token = 'built-test-token-0001'
    const { child, line, stdout } = launch({ NAGARE_TOKEN: token })
    const first = await line
    const m = /^Nagare is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+)$/.exec(first)
    expect(m, first).not.toBeNull()
    expect(m![2]).toBe(token)
    const port = Number(m![1])
    expect(await status(port, '/')).toBe(403)
    expect(await status(port, `/?token=${token}`)).toBe(200)
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`, { origin: `http://127.0.0.1:${port}` })
    const reply = await new Promise<string>((res, rej) => {
      ws.on('open', () => ws.send(JSON.stringify({ id: 1, method: 'engine.info', request: {} })))
      ws.on('message', (d) => res(d.toString()))
      ws.on('error', rej)
    })
    expect(JSON.parse(reply)).toMatchObject({ id: 1, result: { ok: true, value: { mode: 'browser', workspace } } })
    ws.close()
    const code = await new Promise<number | null>((res) => {
      child.on('exit', (c) => res(c))
      child.kill('SIGTERM')
    })
    expect(code).toBe(0)
    expect(stdout()).toBe(`${first}\n`)
  })

  it('makes up a random token when none is given', async () => {
    const { child, line } = launch({ NAGARE_TOKEN: '' })
    const first = await line
    expect(first).toMatch(/^Nagare is running at http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/)
    await new Promise((res) => (child.on('exit', res), child.kill('SIGINT')))
  })
})

describe('server command line', () => {
  it('reads flags, then environment, then defaults', () => {
    expect(parseServeArgs(['--port', '8123', '--workspace', '/w', '--backend', 'cpu'], {})).toEqual({ port: 8123, workspace: '/w', backend: 'cpu' })
    expect(parseServeArgs([], { NAGARE_PORT: '9000', NAGARE_WORKSPACE: '/e', NAGARE_BACKEND: 'wasm' })).toEqual({
      port: 9000,
      workspace: '/e',
      backend: 'wasm'
    })
    const d = parseServeArgs([], {})
    expect(d).toMatchObject({ port: 0 })
    expect((d as { workspace: string }).workspace).toMatch(/\.nagare[/\\]workspace$/)
    expect(parseServeArgs(['--help'], {})).toEqual({ help: true })
    expect(() => parseServeArgs(['--port', '70000'], {})).toThrow(/port/)
    expect(() => parseServeArgs(['--port', '-1'], {})).toThrow()
    expect(() => parseServeArgs(['--port', 'abc'], {})).toThrow(/port/)
    expect(() => parseServeArgs(['--nope'], {})).toThrow()
    expect(() => parseServeArgs(['--backend', 'cuda'], {})).toThrow(/backend/)
    expect(parseServeArgs(['--backend', 'Native'], {})).toMatchObject({ backend: 'Native' })
  })
})
