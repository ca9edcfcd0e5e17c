// The desktop smoke test's Electron lookup: reports why there is no runtime instead of letting the
// electron package download one, and finds the executable where the package puts it.
import { afterEach, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findElectronBinary } from '../../desktop/electron-binary'

const dirs: string[] = []
const fakePackage = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'nagare-electron-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('findElectronBinary', () => {
  it('says the package is missing', () => {
    expect(findElectronBinary(join(fakePackage(), 'nope'), {}).reason).toMatch(/not installed/)
  })

  it('says the runtime was never downloaded when path.txt is absent (as on this machine)', () => {
    const d = fakePackage()
    writeFileSync(join(d, 'package.json'), '{}')
    expect(findElectronBinary(d, {})).toEqual({ reason: expect.stringMatching(/path\.txt is missing/) })
  })

  it('says the executable is missing when path.txt names a file that is not there', () => {
    const d = fakePackage()
    writeFileSync(join(d, 'package.json'), '{}')
    writeFileSync(join(d, 'path.txt'), 'electron')
    expect(findElectronBinary(d, {}).reason).toBe(`${join(d, 'dist', 'electron')} does not exist`)
  })

  it('finds dist/<path.txt>, or the same name under ELECTRON_OVERRIDE_DIST_PATH', () => {
    const d = fakePackage()
    writeFileSync(join(d, 'package.json'), '{}')
    writeFileSync(join(d, 'path.txt'), 'electron')
    mkdirSync(join(d, 'dist'))
    writeFileSync(join(d, 'dist', 'electron'), '')
    expect(findElectronBinary(d, {})).toEqual({ path: join(d, 'dist', 'electron') })
    const o = fakePackage()
    expect(findElectronBinary(d, { ELECTRON_OVERRIDE_DIST_PATH: o }).reason).toMatch(/does not exist/)
    writeFileSync(join(o, 'electron'), '')
    expect(findElectronBinary(d, { ELECTRON_OVERRIDE_DIST_PATH: o })).toEqual({ path: join(o, 'electron') })
  })

  it('reports this checkout truthfully without requiring electron', () => {
    const r = findElectronBinary(join(__dirname, '../../../node_modules/electron'))
    // either a real file or a reason; never both, never neither
    expect(r.path === undefined).toBe(r.reason !== undefined)
  })
})
