// Static checks of build/electron-builder.yml: valid against electron-builder's own schema, the
// security fuses, the offline targets, what is unpacked from the asar (matched against the real files
// in node_modules), no update provider, nothing extra packed, nothing rebuilt or downloaded.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '../../..')
const requireRoot = createRequire(join(root, 'package.json'))
// both come with electron-builder (no direct dependency of ours)
const yaml = requireRoot('js-yaml') as { load(text: string): unknown }
const { minimatch } = requireRoot('minimatch') as { minimatch(path: string, pattern: string, o?: object): boolean }

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>
  asarUnpack: string[]
  files: string[]
  linux: { target: unknown }
  win: { target: unknown }
}
const config = yaml.load(readFileSync(join(root, 'build/electron-builder.yml'), 'utf8')) as Config
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | string>

const unpacked = (path: string): boolean => config.asarUnpack.some((p) => minimatch(path, p, { dot: true }))

describe('electron-builder configuration', () => {
  it("uses only options and fuses that electron-builder's own schema knows (a misspelling cannot pass silently)", () => {
    // the schema electron-builder validates every build against; compiling all of it takes seconds, so
    // check the top-level names and, with ajv, the fuse block (self-contained in the schema)
    const schema = JSON.parse(readFileSync(requireRoot.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
      properties: Record<string, unknown>
      definitions: Record<string, object>
    }
    for (const key of Object.keys(config)) expect(schema.properties, key).toHaveProperty(key)
    const Ajv = (requireRoot('ajv') as { default: new (o: object) => { compile(s: object): (d: unknown) => boolean } }).default
    const validFuses = new Ajv({ strict: false }).compile(schema.definitions.FuseOptionsV1)
    expect(validFuses(config.electronFuses)).toBe(true)
    // and the check is alive: a misspelt fuse or a non-boolean value is refused
    expect(validFuses({ ...config.electronFuses, runAsNodes: false })).toBe(false)
    expect(validFuses({ ...config.electronFuses, runAsNode: 'false' })).toBe(false)
  })

  it('flips every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false
    })
    expect(config.asar).toBe(true) // the asar fuses mean nothing without an asar
  })

  it('builds an AppImage and a deb for Linux and an x64 NSIS installer for Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    // a full installer, not the web installer that downloads the app at install time
    expect(JSON.stringify(config)).not.toMatch(/nsis-web|nsisWeb/)
  })

  it("unpacks every .wasm binary of the wasm backend (the real files in node_modules) and tfjs-node's native files", () => {
    const dist = 'node_modules/@tensorflow/tfjs-backend-wasm/dist'
    const wasm = readdirSync(join(root, dist)).filter((f) => f.endsWith('.wasm'))
    expect(wasm.length).toBeGreaterThanOrEqual(3)
    for (const f of wasm) expect(unpacked(`${dist}/${f}`), f).toBe(true)
    // tfjs-node is optional and absent here: check the layout it installs (napi binding + libtensorflow)
    for (const f of [
      'node_modules/@tensorflow/tfjs-node/lib/napi-v8/tfjs_binding.node',
      'node_modules/@tensorflow/tfjs-node/lib/napi-v8/libtensorflow.so.2',
      'node_modules/@tensorflow/tfjs-node/deps/lib/libtensorflow.so.2.9.1',
      'node_modules/@tensorflow/tfjs-node/lib/napi-v8/tensorflow.dll'
    ]) {
      expect(unpacked(f), f).toBe(true)
    }
    // and nothing else: the app's own code stays inside the integrity-checked asar
    for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.node.js', 'package.json']) {
      expect(unpacked(f), f).toBe(false)
    }
  })

  it('packs only the build output and package.json, without source maps', () => {
    expect(config.files).toEqual(['out/**', 'package.json', '!**/*.map'])
    expect(config.extraMetadata).toEqual({ main: 'out/main/index.js' })
    expect(pkg.main).toBe('out/main/index.js')
  })

  it('never phones home: no publish provider, no auto-updater dependency', () => {
    expect('publish' in config).toBe(true)
    expect(config.publish).toBeNull()
    const deps = { ...(pkg.dependencies as Record<string, string>), ...(pkg.optionalDependencies as Record<string, string>) }
    for (const name of Object.keys(deps)) expect(name, name).not.toMatch(/updater|update-electron-app/)
  })

  it('rebuilds nothing at package time and compresses normally', () => {
    // tfjs-node's N-API binding is ABI-stable; a rebuild would re-run its downloading install script
    expect(config.npmRebuild).toBe(false)
    expect(config.nodeGypRebuild ?? false).toBe(false)
    expect(config.buildDependenciesFromSource ?? false).toBe(false)
    expect(['normal', 'maximum', 'store']).toContain(config.compression)
  })

  it('is what `npm run dist` builds', () => {
    expect(pkg.scripts as unknown as Record<string, string>).toMatchObject({
      dist: expect.stringContaining('electron-builder --config build/electron-builder.yml')
    })
  })
})
