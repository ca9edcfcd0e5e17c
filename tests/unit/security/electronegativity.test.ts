// Electronegativity (Doyensec) scans the built app, offline: every finding in out/main, out/preload and
// out/renderer must be justified in tests/security/electronegativity-allowlist.json, and the same scan,
// with the same allowlist, must flag the deliberately insecure tests/security/fixtures/bad-main.js.
// (Two scan calls, not one: Electronegativity's global checks judge the whole file set, so the
// fixture's missing guards would otherwise leak into the app's results and the app's guards hide them.)
import { beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { listFiles, networkDisabled, ROOT, scan, type Finding, type ScanResult } from './electronegativity-scan'

const requireRoot = createRequire(join(ROOT, 'package.json'))
const { minimatch } = requireRoot('minimatch') as { minimatch(path: string, pattern: string): boolean }
const electronVersion = (requireRoot('electron/package.json') as { version: string }).version

interface Entry {
  check: string
  file: string
  justification: string
}
const allowlist = (JSON.parse(readFileSync(join(ROOT, 'tests/security/electronegativity-allowlist.json'), 'utf8')) as { entries: Entry[] }).entries
const FIXTURE = 'tests/security/fixtures/bad-main.js'
const BUILT = ['out/main', 'out/preload', 'out/renderer']

const allowedBy = (f: Finding): Entry | undefined => allowlist.find((e) => e.check === f.check && minimatch(f.file, e.file))
const show = (fs: Finding[]): string[] => fs.map((f) => `${f.check} ${f.file}:${f.line} (${f.severity}/${f.confidence}) ${f.description}`)

// Settings a careless main process gets wrong, each of which the fixture commits at least once.
const FIXTURE_MUST_TRIP = [
  'NODE_INTEGRATION_JS_CHECK',
  'CONTEXT_ISOLATION_JS_CHECK',
  'SANDBOX_JS_CHECK',
  'WEB_SECURITY_JS_CHECK',
  'INSECURE_CONTENT_JS_CHECK',
  'EXPERIMENTAL_FEATURES_JS_CHECK',
  'BLINK_FEATURES_JS_CHECK',
  'AUXCLICK_JS_CHECK',
  'OPEN_EXTERNAL_JS_CHECK',
  'HTTP_RESOURCES_JS_CHECK',
  'DANGEROUS_FUNCTIONS_JS_CHECK',
  'CUSTOM_ARGUMENTS_JS_CHECK',
  'CERTIFICATE_VERIFY_PROC_JS_CHECK',
  'CERTIFICATE_ERROR_EVENT_JS_CHECK'
]

describe('Electronegativity on the built app', () => {
  let result: ScanResult
  let files: string[]

  beforeAll(async () => {
    for (const d of BUILT) if (!existsSync(join(ROOT, d))) throw new Error(`${d} is missing: run \`node scripts/ensure-build.js\` (npm test builds first)`)
    files = listFiles(BUILT)
    result = await scan(files, { electronVersion, lower: (f) => f.startsWith('out/renderer/') && f.endsWith('.js') })
  }, 120_000)

  it('reads every file of the built app, including the renderer bundle and its HTML, offline', () => {
    expect(networkDisabled()).toBe(true)
    expect(result.checks).toBeGreaterThan(30)
    for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) expect(files).toContain(f)
    expect(files.some((f) => /^out\/renderer\/assets\/.+\.js$/.test(f))).toBe(true)
    expect(show(result.unparsed)).toEqual([])
  })

  it('finds nothing in the built app that the allowlist does not justify', () => {
    expect(show(result.findings.filter((f) => !allowedBy(f)))).toEqual([])
  })

  it('has an allowlist of narrow, justified, still-needed entries', () => {
    expect(allowlist.length).toBeGreaterThan(0)
    for (const e of allowlist) {
      expect(Object.keys(e).sort(), JSON.stringify(e)).toEqual(['check', 'file', 'justification'])
      expect(e.check).toMatch(/^[A-Z_]+_CHECK$/)
      expect(e.file).toMatch(/^out\//) // never the fixture, never a catch-all
      expect(e.file).not.toMatch(/\*\*/)
      expect(e.justification.length, e.check).toBeGreaterThan(80)
      const used = result.findings.some((f) => f.check === e.check && minimatch(f.file, e.file))
      expect(used, `stale allowlist entry ${e.check} ${e.file}: remove it`).toBe(true)
    }
  })
})

describe('Electronegativity on the deliberately insecure fixture', () => {
  it('flags it, through the same scan and the same allowlist (the scan is alive)', async () => {
    const { findings, unparsed } = await scan([FIXTURE], { electronVersion })
    expect(show(unparsed)).toEqual([])
    const flagged = new Set(findings.filter((f) => !allowedBy(f)).map((f) => f.check))
    for (const check of FIXTURE_MUST_TRIP) expect(flagged.has(check), check).toBe(true)
    // and what is missing there: navigation limits, a permission handler, any CSP
    for (const c of ['LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'CSP_GLOBAL_CHECK']) expect(flagged.has(c), c).toBe(true)
  }, 60_000)
})
