// Proves the layering rules in eslint.config.mjs are alive: each forbidden import is reported when it
// appears in the layer that must not have it, and the same import passes where it is allowed.
import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import { resolve } from 'node:path'

const root = resolve(__dirname, '../../..')
const eslint = new ESLint({ cwd: root })

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) })
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layering lint rules', () => {
  it('keeps electron out of the engine, and the engine out of the hosts it serves', async () => {
    expect(await restrictedImports('electron/engine/flows/x.ts', "import { app } from 'electron'\nexport const a = app\n")).toHaveLength(1)
    expect(
      await restrictedImports('electron/engine/flows/x.ts', "import { startServer } from '../../server/server'\nexport const a = startServer\n")
    ).toHaveLength(1)
    expect(await restrictedImports('electron/server/x.ts', "import { app } from 'electron'\nexport const a = app\n")).toHaveLength(1)
    expect(await restrictedImports('electron/engine/layers/x.ts', "import { main } from '../../cli/main'\nexport const a = main\n")).toHaveLength(1)
  })

  it('keeps Node, Electron and TF.js out of the renderer', async () => {
    for (const mod of ['node:fs', 'fs', 'path', 'electron', '@tensorflow/tfjs-core']) {
      const found = await restrictedImports('renderer/src/stores/x.ts', `import * as m from '${mod}'\nexport const a = m\n`)
      expect(found, mod).toHaveLength(1)
    }
    expect(await restrictedImports('renderer/src/stores/x.ts', "import * as e from '../../../electron/engine/backend'\nexport const a = e\n")).toHaveLength(1)
  })

  it('keeps shared free of Node, Electron, TF.js and the UI libraries', async () => {
    for (const mod of ['node:path', 'electron', '@tensorflow/tfjs-core', 'vue', 'three']) {
      const found = await restrictedImports('shared/x.ts', `import * as m from '${mod}'\nexport const a = m\n`)
      expect(found, mod).toHaveLength(1)
    }
  })

  it('allows the same imports where they belong', async () => {
    expect(await restrictedImports('electron/main/x.ts', "import { app } from 'electron'\nexport const a = app\n")).toHaveLength(0)
    expect(await restrictedImports('electron/engine/x.ts', "import { readFile } from 'node:fs/promises'\nexport const a = readFile\n")).toHaveLength(0)
    expect(await restrictedImports('shared/x.ts', "import { z } from 'zod'\nexport const a = z\n")).toHaveLength(0)
  })
})
