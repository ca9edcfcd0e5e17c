import * as protobuf from 'protobufjs'
const { ONNX_PROTO } = await import('/work/main/electron/engine/onnx/onnx-proto.ts')
const { initBackend, tf } = await import('/work/main/electron/engine/backend.ts')
const { MlpField } = await import('/work/main/electron/engine/models/mlp-field.ts')
const { createRng } = await import('/work/main/electron/engine/sampling/random.ts')
const { integrate } = await import('/work/main/electron/engine/solvers/integrate.ts')
const ort = (await import('onnxruntime-node')).default ?? (await import('onnxruntime-node'))
await initBackend('wasm')
const root = protobuf.parse(ONNX_PROTO, { keepCase: false }).root
const ModelProto = root.lookupType('onnx.ModelProto')
const model = new MlpField({ dim: 3, width: 64, hiddenLayers: 2, activation: 'tanh' }, createRng(0))
const W = Object.fromEntries(model.getWeights().map((w) => [w.name, w]))
// folded weights (forwardTanh)
const H = 64, D = 3
const colSum = (w, r, c) => Float32Array.from({ length: c }, (_, j) => { let s = 0; for (let i = 0; i < r; i++) s += w[i * c + j]; return s })
const A1 = W.wx.values.map((v) => 2 * v), wt2 = W.wt.values.map((v) => 2 * v), b12 = W.b1.values.map((v) => 2 * v)
const A2 = W.w2.values.map((v) => 4 * v); const cs2 = colSum(W.w2.values, H, H); const c2 = W.b2.values.map((v, j) => 2 * (v - cs2[j]))
const Ao = W.wOut.values.map((v) => 2 * v); const cso = colSum(W.wOut.values, H, D); const co = W.bOut.values.map((v, j) => v - cso[j])
const init = (name, dims, data) => ({ name, dims, dataType: 1, rawData: new Uint8Array(Float32Array.from(data).buffer) })
const inits = [init('A1', [D, H], A1), init('wt', [H], wt2), init('b1', [H], b12), init('A2', [H, H], A2), init('c2', [H], c2), init('Ao', [H, D], Ao), init('co', [D], co), init('half', [1], [0.5]), init('one', [1], [1]), init('sixth', [1], [1 / 6]), init('two', [1], [2])]
const nodes = []
let uid = 0
const node = (op, inputs, attrs = []) => { const out = `n${uid++}`; nodes.push({ opType: op, input: inputs, output: [out], attribute: attrs }); return out }
const f = (x, t) => {
  const c1 = node('Add', ['b1', node('Mul', [t, 'wt'])])
  const s1 = node('Sigmoid', [node('Gemm', [x, 'A1', c1])])
  const s2 = node('Sigmoid', [node('Gemm', [s1, 'A2', 'c2'])])
  return node('Gemm', [s2, 'Ao', 'co'])
}
// inputs x [N,3], t [1], h [1]
const hh = node('Mul', ['h', 'half'])
const k1 = f('x', 't')
const tm = node('Add', ['t', hh])
const k2 = f(node('Add', ['x', node('Mul', [k1, hh])]), tm)
const k3 = f(node('Add', ['x', node('Mul', [k2, hh])]), tm)
const k4 = f(node('Add', ['x', node('Mul', [k3, 'h'])]), node('Add', ['t', 'h']))
const sum = node('Add', [node('Add', [k1, k4]), node('Mul', [node('Add', [k2, k3]), 'two'])])
const xn = node('Add', ['x', node('Mul', [sum, node('Mul', ['h', 'sixth'])])])
nodes.push({ opType: 'Identity', input: [xn], output: ['xn'] }, { opType: 'Identity', input: [k1], output: ['k1'] })
const vi = (name, dims) => ({ name, type: { tensorType: { elemType: 1, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } } })
const proto = { irVersion: 8, opsetImport: [{ domain: '', version: 17 }], producerName: 'nagare', graph: { name: 'rk4', node: nodes, initializer: inits, input: [vi('x', ['N', 3]), vi('t', [1]), vi('h', [1])], output: [vi('xn', ['N', 3]), vi('k1', ['N', 3])] } }
const bytes = ModelProto.encode(ModelProto.fromObject(proto)).finish()
for (const threads of [1, 2]) {
  const sess = await ort.InferenceSession.create(bytes, { executionProviders: ['cpu'], intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all', logSeverityLevel: 3 })
  for (const N of [4096, 65536]) {
    const x0 = Float32Array.from({ length: N * 3 }, (_, i) => Math.sin(i * 0.37))
    const runOrt = async () => { let x = x0; for (let s = 0; s < 20; s++) { const r = await sess.run({ x: new ort.Tensor('float32', x, [N, 3]), t: new ort.Tensor('float32', Float32Array.of(s / 20), [1]), h: new ort.Tensor('float32', Float32Array.of(1 / 20), [1]) }); x = r.xn.data } return x }
    const field = model.snapshot()
    const runTf = async () => { const xt = tf.tensor2d(x0, [N, 3]); const r = await integrate(field, xt, [0, 1], { solver: 'rk4', stepSize: 1 / 20 }); const out = r.positions[1].dataSync(); xt.dispose(); r.positions.forEach((p) => p.dispose()); return out }
    const a = await runOrt(), b = await runTf()
    let md = 0; for (let i = 0; i < a.length; i++) md = Math.max(md, Math.abs(a[i] - b[i]))
    const ta = [], tb = []
    for (let i = 0; i < 3; i++) { let t0 = performance.now(); await runOrt(); ta.push(performance.now() - t0); if (threads === 1) { t0 = performance.now(); await runTf(); tb.push(performance.now() - t0) } }
    const med = (v) => v.length ? v.sort((p, q) => p - q)[1].toFixed(1) : '-'
    console.log(JSON.stringify({ threads, N, ort_ms: med(ta), tfjs_wasm_1thread_ms: med(tb), maxdiff: md }))
    field.dispose()
  }
}
