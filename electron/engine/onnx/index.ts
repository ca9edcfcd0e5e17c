// The ONNX engine API: inspect a model's graph, record chosen tensors on data (batches, progress, cancel).
// Types of what these return are in shared/onnx.ts; the GUI and the CLI build on these and nothing else.
export { inspectOnnx, defaultLayers, MAX_DEFAULT_LAYERS } from './inspect'
export { checkOnnxInput, chooseLayers, prepareOnnx, recordOnnx, type OnnxData, type RecordOnnxOptions, type RecordedOnnx, type RecordedBlock } from './record'
export { planReduction } from './reduce'
export { readOnnxFile } from './files'
