// Every bad file of bad-files.ts gets exactly its message; bombs also run in a child process and must
// peak under 512 MiB of resident memory (the review measured 2.1 to 5.6 GB before the caps).
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BAD_FILES } from './bad-files'

const CHILD = resolve(__dirname, 'bomb-child.ts')
const PEAK_MIB = 512

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-bad-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('bad files: each refused with its message', () => {
  it.each(BAD_FILES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    let message = '(no error)'
    if (c.bomb) {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD, c.name, dir], { cwd: resolve(__dirname, '../../..') })
      const r = JSON.parse(stdout) as { message: string; maxRssMiB: number }
      message = r.message
      expect(r.maxRssMiB, `peak resident memory of ${c.name}`).toBeLessThan(PEAK_MIB)
      console.log(`${c.name}: peak ${r.maxRssMiB.toFixed(0)} MiB`)
    } else {
      await c.run(dir).catch((e: Error) => (message = e.message))
    }
    expect(message).toBe(c.message(dir))
  })
})
