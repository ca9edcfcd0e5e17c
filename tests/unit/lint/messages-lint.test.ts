// Proves the message lint rules in eslint.config.mjs are alive: an engine error or run note written as a
// literal, and a spec field error written as a literal, are reported; the same text as a Message is not.
import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import { resolve } from 'node:path'

const root = resolve(__dirname, '../../..')
const eslint = new ESLint({ cwd: root })
const fromCatalogue = /as a Message, message\(key, params\) from shared\/messages/

async function catalogueFindings(file: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) })
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax' && fromCatalogue.test(m.message)).length
}

const head = "import { EngineError } from '../errors'\nimport { message } from '../../../shared/messages'\n"

describe('message lint rules', () => {
  it('reports literal engine errors and notes, in every engine folder', async () => {
    expect(await catalogueFindings('electron/engine/jobs/x.ts', `${head}export const e = new EngineError('bad-input', 'no such run')\n`)).toBe(1)
    expect(
      await catalogueFindings('electron/engine/layers/x.ts', `${head}export const f = (n: number) => new EngineError('bad-input', \`\${n} rows\`)\n`)
    ).toBe(1)
    expect(await catalogueFindings('electron/engine/jobs/x.ts', `${head}const notes: string[] = []\nnotes.push('resumed')\nexport { notes }\n`)).toBe(1)
  })

  it('accepts the same texts as Messages, and literal error codes', async () => {
    expect(await catalogueFindings('electron/engine/jobs/x.ts', `${head}export const e = new EngineError('bad-input', message('engine.cancelled'))\n`)).toBe(0)
    expect(await catalogueFindings('electron/engine/jobs/x.ts', `${head}export const r = new RangeError('internal guard')\n`)).toBe(0)
  })

  it('reports literal field errors of the spec validator', async () => {
    const issue = 'const issue = (path: string[], message: string): void => void [path, message]\n'
    expect(await catalogueFindings('shared/experiment.ts', `${issue}issue(['seed'], 'bad seed')\n`)).toBe(1)
    expect(
      await catalogueFindings(
        'shared/experiment.ts',
        "declare const ctx: { addIssue(i: object): void }\nctx.addIssue({ code: 'custom', message: `bad`, path: [] })\n"
      )
    ).toBe(1)
  })

  it('keeps the security choke points in the engine folders too', async () => {
    const [result] = await eslint.lintText("import { BrowserWindow } from 'electron'\nexport const w = new BrowserWindow({})\n", {
      filePath: resolve(root, 'electron/engine/jobs/x.ts')
    })
    expect(result.messages.some((m) => m.ruleId === 'no-restricted-syntax' && /window\.ts/.test(m.message))).toBe(true)
  })
})
