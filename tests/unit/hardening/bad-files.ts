// The table of bad files: each case writes its file under a fresh folder, feeds it to the real reader
// and names the exact message the user must get. Bombs also run in a child process whose peak memory
// is measured (bad-files.test.ts runs the table; bomb-child.ts runs one bomb case).
import { rm, stat, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseUpload } from '../../../electron/engine/datasets/import/parse'
import { loadLayerDumps } from '../../../electron/engine/layers/dumps'
import { loadModelFromFiles } from '../../../electron/engine/layers/tfjs-model'
import { decodeUploads } from '../../../electron/engine/handlers/layers'
import { encodeNpy } from '../../../electron/engine/formats/npy'
import { RunStore } from '../../../electron/engine/runs/store'
import { npyHeaderBytes } from '../../../shared/npy-bytes'
import { smallRun } from '../engine/runs/manifest-fixture'
import { formatFieldErrors, parseSpec } from '../../../shared/experiment'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { deflateZeros, honest, zipOf, type BombMember } from './bomb-files'
import { english } from '../../../shared/messages'

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

/** A Layers model.json with one Dense layer of `units` on a 2-wide input, and weights for a 2x4 kernel. */
function denseModel(units: number): { name: string; bytes: Uint8Array }[] {
  const layer = { class_name: 'Dense', config: { name: 'd', units, batch_input_shape: [null, 2], activation: 'linear', use_bias: false } }
  const modelJson = {
    format: 'layers-model',
    modelTopology: { class_name: 'Sequential', config: { name: 's', layers: [layer] } },
    weightsManifest: [{ paths: ['w.bin'], weights: [{ name: 'd/kernel', shape: [2, 4], dtype: 'float32' }] }]
  }
  return [
    { name: 'model.json', bytes: new TextEncoder().encode(JSON.stringify(modelJson)) },
    { name: 'w.bin', bytes: new Uint8Array(32) }
  ]
}

/** An example spec changed by `edit`, validated as spec.validate does; throws the field errors. */
interface LooseSpec {
  name: string
  distribution: unknown
  particles: unknown
  integration: unknown
  flow: { data: { id: string } }
}
async function validate(example: string, edit: (spec: LooseSpec) => void): Promise<never> {
  const spec = JSON.parse(readFileSync(resolve(__dirname, '../../../examples', example), 'utf8')) as LooseSpec
  edit(spec)
  const r = parseSpec(spec)
  throw new Error(r.ok ? 'accepted' : formatFieldErrors(r.errors))
}

const RUN = '20261127-181500-paper-47-a1b2'

/** A saved run whose trajectories.npy is then replaced (or removed); what the history lists for it. */
async function brokenRun(dir: string, damage: (file: string) => Promise<void>): Promise<never> {
  const store = new RunStore(dir)
  await store.save(smallRun(RUN))
  await damage(join(dir, 'runs', RUN, 'trajectories.npy'))
  const [row] = await store.list()
  throw new Error(row.problem ? english(row.problem) : `listed as ${row.status}`)
}

async function write(dir: string, file: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, file)
  await writeFile(path, bytes)
  return path
}

export const BAD_FILES: BadFile[] = [
  // earlier fuzz findings (tests/unit/fuzz): truncated and foreign files end in a refusal with a reason
  {
    name: 'fuzz: an NPZ cut short (no end-of-directory record)',
    run: async () => parseUpload('cut.npz', zipOf([honest('x.npy', npyHeaderBytes('<f4', [0]))]).subarray(0, 40)),
    message: () => 'cut.npz: not a ZIP/NPZ archive or truncated (no end-of-directory record)'
  },
  {
    name: 'fuzz: an NPY whose data is cut short',
    run: async () => parseUpload('short.npy', new Uint8Array([...npyHeaderBytes('<f4', [4]), 0, 0, 0, 0])),
    message: () => 'short.npy: truncated: shape [4] needs 144 bytes, the file has 132'
  },
  {
    name: 'fuzz: an NPZ member that fails its CRC',
    run: async () => parseUpload('crc.npz', zipOf([{ ...honest('x.npy', new Uint8Array([...npyHeaderBytes('<f4', [1]), 0, 0, 0, 0])), crc: 1 }])),
    message: () => 'crc.npz: member x.npy fails its CRC-32 check (corrupt archive)'
  },
  {
    name: 'model: model.json nested thousands deep',
    run: async () =>
      loadModelFromFiles([{ name: 'model.json', bytes: new TextEncoder().encode('{"modelTopology":' + '['.repeat(5000) + ']'.repeat(5000) + '}') }]),
    message: () => 'model.json: not valid JSON (arrays and objects are nested more than 200 levels deep)'
  },
  {
    name: 'upload: a file name with a NUL',
    run: async () => decodeUploads([{ name: 'layer\u0000.npy', content: 'AAAA' }]),
    message: () => 'an uploaded file name contains control characters; rename the file'
  },
  {
    name: 'upload: a file name of 200 accented characters',
    run: async () => decodeUploads([{ name: 'é'.repeat(200) + '.npy', content: 'AAAA' }]),
    message: () => `the file name "${'é'.repeat(40)}…" is 404 bytes long in UTF-8, more than the 255 a disk allows; rename the file`
  },
  {
    name: 'spec: a dataset id that is a path',
    run: () => validate('neural-ode-dataset.json', (s) => (s.flow.data.id = '../../../../etc')),
    message: () => `flow.data.id: "../../../../etc" is not a dataset id (letters, digits, '.', '_' and '-', as the dataset list shows them)`
  },
  {
    name: 'spec: a name with terminal escape sequences',
    run: () => validate('paper-47.json', (s) => (s.name = 'x\u001b]0;pwned\u0007\u001b[2J')),
    message: () => 'name: the name contains control characters (such as terminal escape sequences); use plain text'
  },
  {
    name: 'spec: a covariance of 1e308',
    run: () =>
      validate(
        'paper-47.json',
        (s) =>
          (s.distribution = {
            kind: 'gaussian',
            mean: [0, 0],
            covariance: [
              [1e308, 0],
              [0, 1]
            ]
          })
      ),
    message: () => 'distribution.covariance: a covariance entry of 1e+308 is too large (at most 1000000000000 in absolute value); rescale the data'
  },
  {
    name: 'spec: 1e6 particles x 1e6 RK4 steps',
    run: () =>
      validate('paper-47.json', (s) => {
        s.particles = { kind: 'sample', count: 1_000_000 }
        s.integration = { solver: 'rk4', depth: 0.25, stepSize: 2.5e-7, samples: 2 }
      }),
    message: () => 'particles: 1,000,000 particles x 1,000,000 steps = 1.00e+12 particle-steps; the limit is 1e+10 (fewer particles or a larger step size)'
  },
  {
    name: 'history: trajectories.npy missing',
    run: (dir) => brokenRun(dir, (f) => rm(f)),
    message: () => `run ${RUN}: trajectories.npy is missing`
  },
  {
    name: 'history: trajectories.npy truncated',
    run: (dir) => brokenRun(dir, async (f) => truncate(f, (await stat(f)).size - 10)),
    message: () => `run ${RUN} cannot be read: trajectories.npy: truncated: shape [3, 4, 2] needs 224 bytes, the file has 214`
  },
  {
    name: 'history: trajectories.npy of another shape than run.json',
    run: (dir) => brokenRun(dir, (f) => writeFile(f, encodeNpy(new Float32Array(36), [3, 4, 3]))),
    message: () => `run ${RUN}: trajectories.npy has shape [3, 4, 3], run.json says [3, 4, 2]`
  },
  {
    // the review's 682-byte model.json that grew the process to 1.8 GB
    name: 'model: Dense layer of 150,000,000 units over 2x4 weights (refused before building)',
    bomb: true,
    run: async () => loadModelFromFiles(denseModel(150_000_000)),
    message: () => 'layer d asks for units = 150000000; at most 1,048,576 are read'
  },
  {
    name: 'model: Dense layer whose units disagree with its weights',
    run: async () => loadModelFromFiles(denseModel(1000)),
    message: () => 'layer d asks for units = 1000, but its weights in the manifest are d/kernel [2, 4]: the topology and the weights do not match'
  },
  {
    // the review's 1 MB NPZ: members under the per-member cap, 5.6 GB in all
    name: 'analyze: NPZ whose members together inflate past the cap',
    bomb: true,
    run: async (dir) => {
      const m = npyMember('layer.npy', [1024, 128_000])
      const members = Array.from({ length: 11 }, (_, i) => ({ ...m, name: `layer${i}.npy` }))
      return loadLayerDumps(await write(dir, 'bomb.npz', zipOf(members)))
    },
    message: (dir) => `${join(dir, 'bomb.npz')}: the members are 1,048,576,256 bytes uncompressed in all, over the 536,870,912-byte limit`
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
    message: (dir) => `${join(dir, 'rows.npz')}:a.npy: shape [6000000, 20] has 6,000,000 rows, more than the 5,000,000 read`
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
    message: () => 'bomb.npz: x.npy: shape [4000000, 12] holds 48,000,000 values, more than the 12,582,912 read from one array'
  },
  {
    name: 'data preview: NPZ whose directory understates the size',
    bomb: true,
    run: async () => parseUpload('liar.npz', zipOf([npyMember('x.npy', [4_000_000, 12], 100_000)])),
    message: () => 'liar.npz: member x.npy inflates past the 100,000 bytes its directory entry declares (corrupt or hostile archive)'
  },
  {
    name: 'data preview: NPZ with members over the total cap',
    run: async () => parseUpload('total.npz', zipOf([npyMember('x.npy', [(100 * MiB) / 4]), npyMember('y.npy', [(100 * MiB) / 4])])),
    message: () => 'total.npz: the members are 209,715,456 bytes uncompressed in all, over the 201,326,592-byte limit'
  },
  {
    name: 'data preview: NPZ listing thousands of members',
    run: async () => parseUpload('many.npz', zipOf(Array.from({ length: 3000 }, (_, i) => honest(`a${i}.npy`, npyHeaderBytes('<f4', [0]))))),
    message: () => 'many.npz: the archive lists 3000 members, more than the 16 read'
  },
  {
    name: 'data preview: NPY whose shape has more rows than read',
    run: async () => parseUpload('rows.npy', npyHeaderBytes('<f4', [6_000_000])),
    message: () => 'rows.npy: shape [6000000] has 6,000,000 rows, more than the 5,000,000 read'
  }
]
