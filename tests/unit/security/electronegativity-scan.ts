// Runs Electronegativity's checks offline, from its dist/ modules, on a list of files. Its runner and CLI
// are bypassed on purpose: the runner fetches translations and the CLI breaks on the hoisted commander
// 14; the one check that downloads Electron's release list is excluded, and `got` is replaced by a stub
// that throws, so no scan can reach the network.
import { transformSync } from 'esbuild'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../../..')
const requireRoot = createRequire(join(ROOT, 'package.json'))
const DIST = join(requireRoot.resolve('@doyensec/electronegativity/package.json'), '../dist')
const requireEn = createRequire(join(DIST, 'runner.js'))

/** Global checks left out: this one downloads Electron's release list (network). */
export const EXCLUDED_GLOBAL_CHECKS = ['AvailableSecurityFixesGlobalCheck']

export interface Finding {
  check: string
  file: string // relative to ROOT, forward slashes
  line: number
  column: number
  severity: string
  confidence: string
  description: string
  /** the file was lowered to ES2017 before the scan (line numbers refer to the lowered code) */
  lowered: boolean
}

interface RawIssue {
  id: string
  file: string
  location: { line: number; column: number }
  severity: { name: string }
  confidence: { name: string }
  description: string
  visibility?: { inlineDisabled?: boolean; globalCheckDisabled?: boolean }
}

let loaded: { Parser: new (babelFirst: boolean, tsBabelFirst: boolean) => RawParser; Finder: RawFinderCtor; GlobalChecks: RawGlobalCtor } | undefined
interface RawParser {
  parse(file: string, content: Buffer): [number, unknown, string, { message: string }[] | undefined]
}
type RawFinderCtor = new (
  custom: string[],
  exclude: string[],
  upgrade?: string
) => {
  find(file: string, data: unknown, type: number, content: string, x: null, electronVersion: string): Promise<RawIssue[]>
  _enabled_checks: { name: string }[]
}
type RawGlobalCtor = new (
  custom: string[],
  exclude: string[],
  upgrade?: string
) => {
  getResults(issues: RawIssue[], output?: string): Promise<RawIssue[]>
  _enabled_checks: { name: string }[]
}

function load(): NonNullable<typeof loaded> {
  if (loaded) return loaded
  const gotPath = requireEn.resolve('got')
  const offline = (): never => {
    throw new Error('network disabled: Electronegativity runs offline in the test suite')
  }
  requireEn.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(offline, { default: offline }) } as never
  // the checks' messages go through i18n's global __(); the bundled English strings, no download
  const i18n = requireEn('i18n') as { configure(o: object): void; setLocale(l: string): void }
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: join(DIST, 'locales'),
    updateFiles: false,
    objectNotation: true,
    register: globalThis
  })
  i18n.setLocale('en-US')
  loaded = {
    Parser: (requireEn('./parser') as { Parser: NonNullable<typeof loaded>['Parser'] }).Parser,
    Finder: (requireEn('./finder') as { Finder: RawFinderCtor }).Finder,
    GlobalChecks: (requireEn('./finder') as { GlobalChecks: RawGlobalCtor }).GlobalChecks
  }
  return loaded
}

/** True when Electronegativity's HTTP client is the throwing stub (after the first scan). */
export function networkDisabled(): boolean {
  try {
    ;(requireEn('got') as () => unknown)()
    return false
  } catch (e) {
    return /network disabled/.test((e as Error).message)
  }
}

/** Files Electronegativity understands (.js .jsx .ts .tsx .html .htm .json) under `dirs`, relative to ROOT. */
export function listFiles(dirs: string[]): string[] {
  const out: string[] = []
  const walk = (p: string): void => {
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) if (f !== 'node_modules') walk(join(p, f))
    } else if (/\.(jsx?|cjs|mjs|tsx?|html?|json)$/.test(p)) out.push(p)
  }
  for (const d of dirs) walk(resolve(ROOT, d))
  return out.map((f) => relative(ROOT, f).split('\\').join('/'))
}

export interface ScanResult {
  findings: Finding[]
  /** files the parser could not read: reported as check PARSE_ERROR so they too need a justification */
  unparsed: Finding[]
  checks: number
}

export interface ScanOptions {
  electronVersion: string
  /**
   * Files to lower to ES2017 with esbuild before scanning (same program, older syntax): the scanner's
   * traverser predates ES2022 (it stops at the class static blocks of the bundled renderer libraries).
   */
  lower?: (file: string) => boolean
}

/** Scan `files` (relative to ROOT) with every atomic and global check but the excluded one. */
export async function scan(files: string[], { electronVersion, lower = () => false }: ScanOptions): Promise<ScanResult> {
  const { Parser, Finder, GlobalChecks } = load()
  const parser = new Parser(false, true)
  const globals = new GlobalChecks(
    [],
    EXCLUDED_GLOBAL_CHECKS.map((c) => c.toLowerCase())
  )
  const finder = new Finder([], [])
  let issues: RawIssue[] = []
  const loweredFiles = new Set(files.filter(lower).map((f) => resolve(ROOT, f)))
  const unparsed: Finding[] = []
  for (const file of files) {
    // the parser only knows .js for JavaScript; .cjs/.mjs are read as .js
    const name = resolve(ROOT, file).replace(/\.[cm]js$/, '.js')
    const lowered = lower(file)
    try {
      let text = readFileSync(resolve(ROOT, file))
      if (lowered) text = Buffer.from(transformSync(text.toString('utf8'), { loader: 'js', target: 'es2017' }).code)
      const [type, data, content] = parser.parse(name, text)
      if (data === null) continue
      const found = await finder.find(resolve(ROOT, file), data, type, content, null, electronVersion)
      issues.push(...found)
    } catch (e) {
      unparsed.push({ check: 'PARSE_ERROR', file, line: 0, column: 0, severity: '-', confidence: '-', description: (e as Error).message, lowered })
    }
  }
  issues = await globals.getResults(issues, undefined)
  const findings = issues
    .filter((i) => !i.visibility || (!i.visibility.inlineDisabled && !i.visibility.globalCheckDisabled))
    .map((i) => ({
      check: i.id,
      file: relative(ROOT, i.file).split('\\').join('/'),
      line: i.location.line,
      column: i.location.column,
      severity: i.severity.name,
      confidence: i.confidence.name,
      description: i.description,
      lowered: loweredFiles.has(i.file)
    }))
  return { findings, unparsed, checks: finder._enabled_checks.length + globals._enabled_checks.length }
}
