// The CLI and the JSON boundaries under hostile input: a spec name with terminal escape sequences is refused
// and nothing raw reaches the terminal; a spec saved with a UTF-8 byte-order mark is read; JSON nested
// thousands deep is refused as invalid JSON by the CLI, the server's frames and the engine service.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../../electron/cli/main'
import { printable } from '../../../electron/cli/printable'
import { createEngineService } from '../../../electron/engine/service'
import { decodeRequest } from '../../../shared/wire'
import { english, message } from '../../../shared/messages'
import { captureIo } from '../cli/cli-io'

const EXAMPLE = resolve(__dirname, '../../../examples/paper-47.json')
const DEEP = '['.repeat(5000) + ']'.repeat(5000)
let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-cli-hard-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function cli(spec: string): Promise<{ code: number; err: string; out: string }> {
  const path = join(dir, 'spec.json')
  await writeFile(path, spec)
  const io = captureIo(dir)
  const code = await main(['node', 'nagare', 'run', path, '--out', join(dir, 'out')], io)
  return { code, err: io.err(), out: io.out() }
}

describe('CLI', () => {
  it('refuses a name with escape sequences and prints no control character', async () => {
    const spec = JSON.parse(await readFile(EXAMPLE, 'utf8'))
    spec.name = 'evil\u001b]0;owned\u0007\u001b[2J\u009b31m'
    const r = await cli(JSON.stringify(spec))
    expect(r.code).toBe(2)
    expect(r.err).toContain('name: the name contains control characters (such as terminal escape sequences); use plain text')
    expect(r.err + r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
  })

  it('shows control characters in printed text as \\u escapes (JSON stays equal)', () => {
    expect(printable('a\u001b[2Jb\tc\nd\u009b')).toBe('a\\u001b[2Jb\tc\nd\\u009b')
    const json = JSON.stringify({ name: 'x\u009by' })
    expect(JSON.parse(printable(json))).toEqual({ name: 'x\u009by' })
  })

  it('reads a spec saved as UTF-8 with a byte-order mark', async () => {
    const spec = JSON.parse(await readFile(EXAMPLE, 'utf8'))
    spec.integration.samples = 1 // invalid on purpose: the spec is read and validated, not run
    const r = await cli('\uFEFF' + JSON.stringify(spec))
    expect(r.code).toBe(2)
    expect(r.err).not.toContain('not valid JSON')
    expect(r.err).toMatch(/integration\.samples: /)
  })

  it('refuses JSON nested thousands deep as invalid JSON', async () => {
    const r = await cli(DEEP)
    expect(r.code).toBe(2)
    expect(r.err).toContain('is not valid JSON: arrays and objects are nested more than 200 levels deep')
  })
})

describe('server frames and the engine service', () => {
  it('a frame nested thousands deep is not valid JSON', () => {
    expect(decodeRequest(`{"id":1,"method":"spec.validate","request":${DEEP}}`)).toEqual({
      ok: false,
      id: null,
      error: { code: 'invalid-request', message: message('errmsg.wireNotJson') }
    })
  })

  it('a request object nested thousands deep (as IPC passes it) is refused, not an internal error', async () => {
    const service = await createEngineService({ workspace: dir, mode: 'in-process' })
    try {
      let deep: unknown = 1
      for (let i = 0; i < 10_000; i++) deep = [deep]
      const r = await service.call('spec.validate', { spec: deep } as never)
      expect(r).toEqual({ ok: false, error: { code: 'invalid-request', message: message('harden.requestTooDeep', { max: 200 }) } })
      expect(english(r.ok ? message('validation.invalid') : r.error.message)).toBe(
        'the request is not valid JSON: arrays and objects are nested more than 200 levels deep'
      )
    } finally {
      await service.dispose()
    }
  })
})
