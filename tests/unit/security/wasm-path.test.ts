// The wasm backend finds its .wasm files outside the asar in a packaged app: the path mapping
// (wasm-path.ts), and, in a child Node process, that the prefix given to setWasmPaths really is where
// the binary is read from (a copy in a fake app.asar.unpacked works, an empty directory fails).
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve, sep } from 'node:path'
import { asarUnpackedPath, wasmPathPrefix } from '../../../electron/engine/wasm-path'

const root = resolve(__dirname, '../../..')
const requireRoot = createRequire(join(root, 'package.json'))

describe('asarUnpackedPath', () => {
  it('moves a path inside app.asar to app.asar.unpacked, on either separator', () => {
    expect(asarUnpackedPath('/opt/Nagare/resources/app.asar/node_modules/x/dist/')).toBe('/opt/Nagare/resources/app.asar.unpacked/node_modules/x/dist/')
    expect(asarUnpackedPath('C:\\Program Files\\Nagare\\resources\\app.asar\\node_modules\\x\\dist\\')).toBe(
      'C:\\Program Files\\Nagare\\resources\\app.asar.unpacked\\node_modules\\x\\dist\\'
    )
    expect(asarUnpackedPath('/opt/Nagare/resources/app.asar')).toBe('/opt/Nagare/resources/app.asar.unpacked')
  })

  it('leaves other paths alone: not packaged, already unpacked, or merely similar names', () => {
    for (const p of [
      '/work/main/node_modules/x/dist/',
      '/opt/Nagare/resources/app.asar.unpacked/node_modules/x/dist/',
      '/opt/myapp.asar/x/',
      '/opt/app.asarx/x/',
      '/home/u/app.asar.bak/x/'
    ]) {
      expect(asarUnpackedPath(p), p).toBe(p)
    }
  })
})

describe('wasmPathPrefix', () => {
  it("is the entry file's directory, unpacked, with a trailing separator", () => {
    expect(wasmPathPrefix('/r/app.asar/node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.node.js')).toBe(
      '/r/app.asar.unpacked/node_modules/@tensorflow/tfjs-backend-wasm/dist/'
    )
    expect(wasmPathPrefix('D:\\N\\resources\\app.asar\\node_modules\\@tensorflow\\tfjs-backend-wasm\\dist\\tf-backend-wasm.node.js')).toBe(
      'D:\\N\\resources\\app.asar.unpacked\\node_modules\\@tensorflow\\tfjs-backend-wasm\\dist\\'
    )
    expect(() => wasmPathPrefix('tf-backend-wasm.node.js')).toThrow(/absolute/)
  })

  it('points, in this unpackaged tree, at the directory that holds all three .wasm binaries', () => {
    const prefix = wasmPathPrefix(requireRoot.resolve('@tensorflow/tfjs-backend-wasm'))
    for (const f of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
      expect(existsSync(prefix + f), prefix + f).toBe(true)
    }
  })
})

describe('the wasm backend reads its binary from the prefix it is given', () => {
  // child process: setWasmPaths may be called only before the wasm backend is initialised, once
  const probe = `
    const tf = require('@tensorflow/tfjs-core'); const w = require('@tensorflow/tfjs-backend-wasm')
    w.setWasmPaths(process.argv[1])
    tf.setBackend('wasm').then((ok) => {
      if (!ok) { console.log('FAILED'); process.exit(3) }
      const y = tf.add(tf.tensor1d([1, 2]), tf.tensor1d([3, 4]))
      console.log('RESULT ' + JSON.stringify({ backend: tf.getBackend(), y: Array.from(y.dataSync()) }))
    }, () => { console.log('FAILED'); process.exit(3) })`
  const run = (prefix: string): { status: number | null; out: string } => {
    const r = spawnSync(process.execPath, ['-e', probe, prefix], { cwd: root, encoding: 'utf8', timeout: 30_000 })
    return { status: r.status, out: r.stdout }
  }

  it('works from a fake app.asar.unpacked holding only the .wasm files, and fails from an empty one', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'nagare-wasm-'))
    try {
      const src = wasmPathPrefix(requireRoot.resolve('@tensorflow/tfjs-backend-wasm'))
      const entry = join(tmp, 'resources', 'app.asar', 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist', 'tf-backend-wasm.node.js')
      const unpacked = wasmPathPrefix(entry)
      expect(unpacked).toBe(join(tmp, 'resources', 'app.asar.unpacked', 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + sep)
      mkdirSync(unpacked, { recursive: true })
      for (const f of readdirSync(src).filter((f) => f.endsWith('.wasm'))) copyFileSync(src + f, unpacked + f)

      const good = run(unpacked)
      expect(good.out).toContain('RESULT {"backend":"wasm","y":[4,6]}')
      expect(good.status).toBe(0)

      const empty = join(tmp, 'empty') + sep
      mkdirSync(empty)
      const bad = run(empty)
      expect(bad.out).toContain('FAILED')
      expect(bad.status).toBe(3)
    } finally {
      rmSync(tmp, { recursive: true, force: true })
    }
  }, 60_000)
})
