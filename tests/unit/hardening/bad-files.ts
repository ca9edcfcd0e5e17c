// The table of bad files: each case writes its file under a fresh folder, feeds it to the real reader
// and names the exact message the user must get. Bombs also run in a child process whose peak memory
// is measured (bad-files.test.ts runs the table; bomb-child.ts runs one bomb case).
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseUpload } from '../../../electron/engine/data-import/parse'
import { loadLayerDumps } from '../../../electron/engine/layers/dumps'
import { npyHeaderBytes } from '../../../shared/npy-bytes'
import { deflateZeros, honest, zipOf, type BombMember } from './bomb-files'

export interface BadFile {
  name: string
  /** run the reader on the case's file under `dir`; it must throw */
  run: (dir: string) => Promise<unknown>
  /** the exact message thrown */
  message: (dir: string) => string
  /** a decompression bomb: also run in a child process and its peak memory checked */
  bomb?: boolean
}

const MiB = 1024 * 1024

/** An NPY member: the header for `shape` (float32) and zeros, declared with its true size. */
function npyMember(name: string, shape: number[], declared?: number): BombMember {
  const header = npyHeaderBytes('<f4', shape)
  const bytes = header.length + shape.reduce((a, b) => a * b, 1) * 4
  return { name, packed: deflateZeros(header, bytes - header.length), size: declared ?? bytes }
}

async function write(dir: string, file: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, file)
  await writeFile(path, bytes)
  return path
}

export const BAD_FILES: BadFile[] = [
  {
    // the review's 1 MB NPZ: members under the per-member cap, 5.6 GB in all
    name: 'analyze: NPZ whose members together inflate past the cap',
    bomb: true,
    run: async (dir) => {
      const m = npyMember('layer.npy', [1024, 128_000])
      const members = Array.from({ length: 11 }, (_, i) => ({ ...m, name: `layer${i}.npy` }))
      return loadLayerDumps(await write(dir, 'bomb.npz', zipOf(members)))
    },
    message: (dir) => `${join(dir, 'bomb.npz')}: the members are 1048576256 bytes uncompressed in all, over the 536870912-byte limit`
  },
  {
    name: 'analyze: NPZ whose directory understates the size (streaming stops at the stated size)',
    bomb: true,
    run: async (dir) => {
      const m = npyMember('layer0.npy', [1024, 128_000], 4096)
      return loadLayerDumps(await write(dir, 'liar.npz', zipOf([m, { ...m, name: 'layer1.npy' }])))
    },
    message: (dir) => `${join(dir, 'liar.npz')}: member layer0.npy inflates past the 4096 bytes its directory entry declares (corrupt or hostile archive)`
  },
  {
    name: 'analyze: NPZ layer with more rows than read (refused from its header)',
    bomb: true,
    run: async (dir) => loadLayerDumps(await write(dir, 'rows.npz', zipOf([npyMember('a.npy', [6_000_000, 20])]))),
    message: (dir) => `${join(dir, 'rows.npz')}:a.npy: shape [6000000, 20] has 6000000 rows, more than the 5000000 read`
  },
  {
    name: 'analyze: NPZ listing more members than layers read',
    run: async (dir) => {
      const one = honest('l.npy', npyHeaderBytes('<f4', [0]))
      return loadLayerDumps(await write(dir, 'many.npz', zipOf(Array.from({ length: 600 }, (_, i) => ({ ...one, name: `l${i}.npy` })))))
    },
    message: (dir) => `${join(dir, 'many.npz')}: the archive lists 600 members, more than the 512 read`
  },
  {
    // the review's 191 KiB upload that took the server to 2.1 GB
    name: 'data preview: small NPZ whose array holds more values than read',
    bomb: true,
    run: async () => parseUpload('bomb.npz', zipOf([npyMember('x.npy', [4_000_000, 12])])),
    message: () => 'bomb.npz: x.npy: shape [4000000, 12] holds 48000000 values, more than the 12582912 read from one array'
  },
  {
    name: 'data preview: NPZ whose directory understates the size',
    bomb: true,
    run: async () => parseUpload('liar.npz', zipOf([npyMember('x.npy', [4_000_000, 12], 100_000)])),
    message: () => 'liar.npz: member x.npy inflates past the 100000 bytes its directory entry declares (corrupt or hostile archive)'
  },
  {
    name: 'data preview: NPZ with members over the total cap',
    run: async () => parseUpload('total.npz', zipOf([npyMember('x.npy', [100 * MiB / 4]), npyMember('y.npy', [100 * MiB / 4])])),
    message: () => 'total.npz: the members are 209715456 bytes uncompressed in all, over the 201326592-byte limit'
  },
  {
    name: 'data preview: NPZ listing thousands of members',
    run: async () => parseUpload('many.npz', zipOf(Array.from({ length: 3000 }, (_, i) => honest(`a${i}.npy`, npyHeaderBytes('<f4', [0]))))),
    message: () => 'many.npz: the archive lists 3000 members, more than the 16 read'
  },
  {
    name: 'data preview: NPY whose shape has more rows than read',
    run: async () => parseUpload('rows.npy', npyHeaderBytes('<f4', [6_000_000])),
    message: () => 'rows.npy: shape [6000000] has 6000000 rows, more than the 5000000 read'
  }
]
