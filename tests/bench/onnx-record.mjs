// Benchmark: recording 8 tensors (the 8 residual-block outputs) of a ResNet-18-shaped ONNX model on 1,000
// images 3x64x64, against PyTorch's forward pass with hooks copying the same 8 outputs to NumPy
// (tests/bench/peers/peer_torch_onnx_resnet.py, which also exports the model and the images; nothing is
// committed), on the same number of threads and batch size, in the same run. Ours: recordOnnx in-process
// from the TypeScript sources (onnxruntime-node, CPU), timed twice: the recording as analyses use it
// (layer1/layer2 outputs of 16,384 and 8,192 features reduced by the seeded random projection to 1,024)
// and the forward pass alone (the same session, outputs fetched, nothing reduced). Then the whole
// analysis of those 8 layers (recording, metrics, PCA) against the 60 s goal. Values: the exact layers'
// sum |x| against the peer's, and the very sparse projection's distortion of the pairwise distances of
// the first 100 images' wide feature maps (JL; a dense Gaussian's relative error has sd sqrt(2/1024) = 0.044).
// The machine is shared: the load average is recorded before and after, with CPU seconds beside wall seconds.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { tmpdir, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { tsImport } from 'tsx/esm/api'
import { emit, peerEnv } from './util.mjs'

const root = resolve(import.meta.dirname, '../..')
const THREADS = Number(process.env.NAGARE_BENCH_THREADS ?? 2)
const BATCH = 100
process.env.NAGARE_ONNX_THREADS = String(THREADS)
const dir = join(tmpdir(), 'nagare-bench-onnx-resnet18')
const load = (p) => tsImport(join(root, p), import.meta.url)
const load0 = loadavg()[0]
const cpuS = (c) => (c.user + c.system) / 1e6

const peerRun = spawnSync('/usr/bin/python3', [join(root, 'tests/bench/peers/peer_torch_onnx_resnet.py'), dir, String(THREADS), String(BATCH)], {
  encoding: 'utf8',
  maxBuffer: 16 * 1024 * 1024,
  env: peerEnv(THREADS)
})
if (peerRun.status !== 0) {
  process.stderr.write(peerRun.stderr)
  throw new Error('peer failed')
}
const peer = JSON.parse(peerRun.stdout.trim().split('\n').at(-1))
const names = Object.values(peer.tensors)

const { recordOnnx } = await load('electron/engine/onnx/index.ts')
const { createSession, onnxRuntime } = await load('electron/engine/onnx/session.ts')
const { readGraph, withOutputs } = await load('electron/engine/onnx/graph.ts')
const { analyzeAndProject } = await load('electron/engine/layers/pipeline.ts')
const { readNpyAny } = await load('electron/engine/formats/npy.ts')
const { applySparseProjection, sparseProjection } = await load('electron/engine/onnx/sparse-projection.ts')

const bytes = new Uint8Array(readFileSync(join(dir, 'resnet18.onnx')))
const x = await readNpyAny(join(dir, 'x.npy'))
const data = { values: x.data, n: x.shape[0], sampleShape: x.shape.slice(1) }

// the forward pass alone: the session recordOnnx builds, 8 outputs fetched per batch, copied out
const rt = await onnxRuntime()
const session = await createSession(withOutputs(bytes, readGraph(bytes, 'resnet18.onnx'), names), 'resnet18.onnx')
const per = 3 * 64 * 64
const firstBatch = {}
const forward = async () => {
  for (let s = 0; s < data.n; s += BATCH) {
    const res = await session.run({ input: new rt.Tensor('float32', x.data.slice(s * per, (s + BATCH) * per), [BATCH, 3, 64, 64]) }, names)
    for (const n of names) {
      const copy = Float32Array.from(res[n].data)
      if (s === 0) firstBatch[n] = { data: copy, features: copy.length / BATCH }
    }
  }
}
await forward()
let t0 = performance.now()
const fwdCpu0 = process.cpuUsage()
await forward()
const forwardS = (performance.now() - t0) / 1000
const forwardCpuS = cpuS(process.cpuUsage(fwdCpu0))
await session.release()

t0 = performance.now()
const recCpu0 = process.cpuUsage()
const rec = await recordOnnx(bytes, data, { layers: names, batchSize: BATCH, seed: 7 })
const recordS = (performance.now() - t0) / 1000
const recordCpuS = cpuS(process.cpuUsage(recCpu0))
t0 = performance.now()
// CPU seconds beside wall seconds: on a loaded machine the wall clock mostly measures the queue
const cpu0 = process.cpuUsage()
await analyzeAndProject(rec.layers, { k: 10, seed: 7, residualBlocks: rec.blocks })
const analyzeS = (performance.now() - t0) / 1000
const analyzeCpuS = cpuS(process.cpuUsage(cpu0))

/** Relative errors of the n(n-1)/2 squared distances of b samples [b, d] after the production projection. */
function distortion(values, b, d) {
  const y = applySparseProjection(sparseProjection(d, 1024, 7), values, b)
  const sq = (v, w, i, j) => {
    let s = 0
    for (let c = 0; c < w; c++) s += (v[i * w + c] - v[j * w + c]) ** 2
    return s
  }
  let worst = 0
  let ss = 0
  let m = 0
  for (let i = 0; i < b; i++)
    for (let j = i + 1; j < b; j++) {
      const e = sq(y, 1024, i, j) / sq(values, d, i, j) - 1
      worst = Math.max(worst, Math.abs(e))
      ss += e * e
      m++
    }
  return { features: d, worst: Number(worst.toFixed(4)), rms: Number(Math.sqrt(ss / m).toFixed(4)) }
}
const wide = [['input', { data: x.data.subarray(0, BATCH * per), features: per }], ...Object.entries(firstBatch).filter(([, v]) => v.features > 4096)]
const jl = Object.fromEntries(wide.map(([n, v]) => [n, distortion(v.data, BATCH, v.features)]))

const sums = {}
for (const l of rec.layers.slice(1)) if (l.reduction.method === 'exact') sums[l.name] = l.data.reduce((s, v) => s + Math.abs(v), 0)
const worst = Math.max(...Object.entries(sums).map(([n, s]) => Math.abs(s - peer.checksums[n]) / peer.checksums[n]))
emit({
  bench: 'onnx-record',
  model: 'resnet18-shaped, 64x64, 10 classes',
  images: data.n,
  tensors: names.length,
  threads: THREADS,
  batch: BATCH,
  peer_torch_hooks_s: peer.seconds,
  ours_forward_s: forwardS,
  ours_record_s: recordS,
  ours_record_cpu_s: recordCpuS,
  ours_forward_cpu_s: forwardCpuS,
  // load-independent: what recording costs over the forward pass alone
  record_over_forward_s: recordS / forwardS,
  record_over_forward_cpu: recordCpuS / forwardCpuS,
  ratio_forward: peer.seconds / forwardS,
  ratio_record: peer.seconds / recordS,
  goal_ratio: 1,
  whole_analysis_s: recordS + analyzeS,
  analyze_s: analyzeS,
  analyze_cpu_s: analyzeCpuS,
  goal_s: 60,
  reductions: rec.layers.map((l) => l.reduction.method),
  exact_sum_abs_rel_error_max: worst,
  sparse_projection_distance_error: jl,
  loadavg_1m_start: load0,
  loadavg_1m: loadavg()[0]
})
