// `nagare inspect model.onnx`: the model's graph as JSON on stdout (inputs, outputs, opset, producer, every
// node output in topological order with its shape, the residual blocks, the tensors analyze records by
// default). Exit 2 for a file that is not a model Nagare can read, 1 for a failure.
import { basename, resolve } from 'node:path'
import { inspectOnnx, readOnnxFile } from '../engine/onnx'
import { failure } from './distance-command'
import type { CliIo } from './io'
import { EXIT } from './run-command'

export async function inspectCommand(input: string, io: CliIo): Promise<number> {
  try {
    const path = resolve(io.cwd, input)
    const inspection = await inspectOnnx(await readOnnxFile(path), basename(path))
    io.stdout.write(JSON.stringify(inspection, null, 2) + '\n')
    return EXIT.ok
  } catch (e) {
    return failure(io, e)
  }
}
