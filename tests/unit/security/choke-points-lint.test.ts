// Proves the security lint rule in eslint.config.mjs is alive: `new BrowserWindow` outside window.ts
// and any reach for shell.openExternal outside external.ts are reported; the two owners are not.
import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import { resolve } from 'node:path'

const root = resolve(__dirname, '../../..')
const eslint = new ESLint({ cwd: root })

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) })
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message)
}

const newWindow = "import { BrowserWindow } from 'electron'\nexport const w = new BrowserWindow({})\n"
const newWindowNs = "import * as electron from 'electron'\nexport const w = new electron.BrowserWindow({})\n"
const open = "import { shell } from 'electron'\nexport const o = (u: string) => shell.openExternal(u)\n"
const openComputed = "import { shell } from 'electron'\nexport const o = (u: string) => shell['openExternal'](u)\n"
const openDestructured = "import { shell } from 'electron'\nconst { openExternal } = shell\nexport const o = openExternal\n"

describe('security choke-point lint rule', () => {
  it('reports a window made anywhere but electron/main/window.ts', async () => {
    for (const file of ['electron/main/index.ts', 'electron/main/x.ts', 'electron/host/x.ts']) {
      expect(await restricted(file, newWindow), file).toEqual(['Windows are made only in electron/main/window.ts.'])
      expect(await restricted(file, newWindowNs), file).toHaveLength(1)
    }
    expect(await restricted('electron/main/window.ts', newWindow)).toEqual([])
  })

  it('reports shell.openExternal anywhere but electron/main/external.ts, in every spelling', async () => {
    for (const code of [open, openComputed, openDestructured]) {
      expect(await restricted('electron/main/guards.ts', code), code).toEqual(['Open links only through openExternalSafely() in electron/main/external.ts.'])
      expect(await restricted('electron/main/ipc.ts', code), code).toHaveLength(1)
      expect(await restricted('electron/main/external.ts', code), code).toEqual([])
    }
  })

  it('leaves the checked-in sources clean (the owners use the APIs, nobody else does)', async () => {
    const results = await eslint.lintFiles(['electron/main/**/*.ts'])
    const hits = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => `${r.filePath}:${m.line}`))
    expect(hits).toEqual([])
    // and the rule really was applied to those files (guards.ts is in the set)
    expect(results.some((r) => r.filePath.endsWith('guards.ts'))).toBe(true)
  })
})
