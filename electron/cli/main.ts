// The `nagare` command line: parses arguments with commander and dispatches; returns the exit code
// instead of exiting, so tests call it with injected streams.
import { Command, CommanderError, Option } from 'commander'
import { METRIC_NAMES, type MetricName } from '../engine/metrics/distances'
import { appVersion } from '../engine/version'
import { analyzeCommand, ANALYZE_CLI_DEFAULTS, type RawAnalyzeOptions } from './analyze-command'
import { compareAnalysesCommand } from './compare-analyses-command'
import { distanceCommand, type RawMetricOptions } from './distance-command'
import { ENTROPY_DEFAULTS, entropyCommand, type RawEntropyOptions } from './entropy-command'
import { processIo, type CliIo } from './io'
import { printableIo } from './printable'
import { EXIT, runCommand } from './run-command'
import { inspectCommand } from './inspect-command'
import { ONNX_LIMITS } from '../../shared/onnx'

export async function main(argv: string[], rawIo: CliIo = processIo()): Promise<number> {
  // names, paths and messages may hold terminal escape sequences: never print them raw
  const io = printableIo(rawIo)
  let code: number = EXIT.ok
  const program = new Command()
  program
    .name('nagare')
    .description('Nagare: transport analysis of deep networks (Sonoda & Murata), headless.')
    .version(appVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .showHelpAfterError()

  program
    .command('run')
    .description('run an experiment spec and write its run folder (run.json, trajectories.npy, metrics.csv)')
    .argument('<spec>', 'experiment spec, a JSON file (see examples/)')
    .requiredOption('-o, --out <dir>', 'folder to create for the run (must not exist, or be empty)')
    .addOption(new Option('-b, --backend <name>', 'TensorFlow.js backend').choices(['native', 'wasm', 'cpu']))
    .option(
      '-w, --workspace <dir>',
      "the app's workspace: imported datasets for trained flows, and per-epoch checkpoints (an interrupted training resumes when run again)"
    )
    .option('-t, --threads <n>', 'threads to compute on (default: all cores but one)')
    .addHelpText('after', '\nExit codes: 0 done, 1 the run failed, 2 invalid spec or arguments, 130 interrupted.')
    .action(async (spec: string, opts: { out: string; backend?: string; workspace?: string; threads?: string }) => {
      code = await runCommand(
        spec,
        {
          out: opts.out,
          ...(opts.backend ? { backend: opts.backend } : {}),
          ...(opts.workspace ? { workspace: opts.workspace } : {}),
          ...(opts.threads !== undefined ? { threads: opts.threads } : {})
        },
        io
      )
    })

  const inputs = 'a particle cloud: .npy of shape [N, D] or [N] (float32, float64 or int32), or CSV (one point per line)'
  program
    .command('distance')
    .description('distance between two particle clouds; prints one JSON object')
    .argument('<a>', inputs)
    .argument('<b>', 'the second cloud, same dimension')
    .addOption(new Option('-m, --metric <name>', 'metric').choices(METRIC_NAMES).makeOptionMandatory())
    .option('--seed <n>', 'seed of subsamples and random directions (default 0)')
    .option('--directions <n>', 'sliced-w2: random directions (default 64)')
    .option('--eps <x>', 'sinkhorn: entropic regularisation, squared-distance units (default 0.1)')
    .option('--iterations <n>', 'sinkhorn: most iterations (default 1000)')
    .option('--tolerance <x>', 'sinkhorn: stop at this L1 marginal error (default 1e-5)')
    .option('--annealing <q>', 'sinkhorn: eps-scaling factor in (0, 1) from the squared diameter down to eps, 0 = off (default 0.5)')
    .option('--over-relaxation <w>', 'sinkhorn: over-relaxation in [1, 2), 1 = plain Sinkhorn (default 1.8)')
    .option('--max-points <n>', 'seeded subsample of each cloud beyond this (default per metric: sinkhorn 2000, mmd/energy 4000, kl 100000)')
    .option('--k <n>', 'kl: neighbour rank (default 1)')
    .addHelpText(
      'after',
      '\nMetrics: w1-1d, w2-1d (exact, 1-D clouds), sliced-w2, sinkhorn (debiased divergence), bures (Gaussian W2),\nmmd (unbiased MMD^2), energy, kl (kNN estimate of D(a || b)). Inputs up to 2 GiB (.npy) or 256 MiB (CSV).\nExit codes: 0 done, 1 failure, 2 invalid input or options.'
    )
    .action(async (a: string, b: string, opts: RawMetricOptions & { metric: MetricName }) => {
      const { metric, ...raw } = opts
      code = await distanceCommand(a, b, metric, raw, io)
    })

  program
    .command('entropy')
    .description('Kozachenko-Leonenko kNN entropy of a particle cloud (1 to 3 dimensions), with the fitted Gaussian entropy; prints JSON')
    .argument('<a>', inputs)
    .option('--k <n>', `neighbour rank (default ${ENTROPY_DEFAULTS.k})`)
    .option('--max-points <n>', `seeded subsample beyond this many points (default ${ENTROPY_DEFAULTS.maxPoints})`)
    .option('--seed <n>', 'seed of the subsample (default 0)')
    .addHelpText('after', '\nExit codes: 0 done, 1 failure, 2 invalid input or options.')
    .action(async (a: string, opts: RawEntropyOptions) => {
      code = await entropyCommand(a, opts, io)
    })

  program
    .command('analyze')
    .description(
      'what each layer of an existing model does to the data, from a TF.js Layers model run on data or from activation dumps; prints the per-layer report and flags as JSON'
    )
    .argument(
      '<input>',
      'an ONNX model (.onnx, weights inside; TF.js graph models are refused: export them to ONNX); a TF.js Layers model.json (its weight files beside it) or a folder holding one; or a folder with one .npy, .npz or .csv file [N, width] per layer (order: layers.json {"layers": [...]}, else natural sort of names); or one .npz holding every layer'
    )
    .option(
      '--data <file>',
      'with a model: the points to run through it, a folder of PNG/JPEG images (one sub-folder per class), a .npy/.npz array [N, ...] (NPZ: member x/data/inputs, labels y/labels), a CSV file, or builtin:<name>[:n] (moons, circles, spirals, helix-pair, s-curve, gaussian-blobs; n default 1000, drawn with --seed)'
    )
    .option(
      '--compare-data <file|dir>',
      'new data to measure the domain shift against --data, layer by layer (energy distance, MMD, sliced W2 per row, flags of kind shift): data like --data for a model (builtin:<name>[:n] drawn with --seed + 1), a second dumps folder of the same layers for dumps'
    )
    .option(
      '--labels <file>',
      "class label per point (.npy [N], or CSV first column) for separability; default: the built-in dataset's classes, or labels.npy/labels.csv in the dumps folder"
    )
    .option('--k <n>', `neighbours per point for kNN preservation (default ${ANALYZE_CLI_DEFAULTS.k})`)
    .option('--seed <n>', `seed of subsamples, projections and built-in data (default ${ANALYZE_CLI_DEFAULTS.seed})`)
    .option(
      '--layers <names>',
      'ONNX: tensors to record, comma-separated (nagare inspect lists them; default: residual-block inputs and outputs, activations and the output, at most 32)'
    )
    .option(
      '--feature-maps <mode>',
      `ONNX: a tensor of more than ${ONNX_LIMITS.exactFeatures} features per sample is analysed by a seeded very sparse random projection to ${ONNX_LIMITS.projectionDimension} dimensions (auto, the default; kNN preservation and CKA then approximate) or by the mean of each channel (channel-means)`
    )
    .option('--batch <n>', 'ONNX: samples per forward pass (default: up to 256, by the size of the recorded tensors)')
    .option('--name <text>', "name recorded in analysis.json (default: the input's file name)")
    .option('-t, --threads <n>', 'threads to compute the per-layer metrics on (default: all cores but one)')
    .option(
      '--image-size <HxW>',
      'with --data <folder of images>: resize every image to HxW (bilinear, half-pixel centres, no antialiasing); without it every image must have the same size'
    )
    .option('--channels <rgb|gray>', "with a folder of images: colour channels read (default rgb; gray is PIL's luma L)")
    .option('--scale <0-1|0-255>', 'with a folder of images: pixel values divided by 255 (0-1, default) or kept (0-255), before --mean/--std')
    .option('--mean <m1,m2,m3>', 'with a folder of images: per-channel mean subtracted after scaling (one value, or one per channel)')
    .option('--std <s1,s2,s3>', 'with a folder of images: per-channel std divided by after the mean (one value, or one per channel)')
    .option('--layout <nchw|nhwc>', 'with a folder of images: array layout, [N,C,H,W] (nchw, default, PyTorch) or [N,H,W,C] (nhwc, Keras)')
    .option(
      '-o, --out <dir>',
      'also write an analysis folder: analysis.json, layers.json, layers.csv, projection.npy (PCA of every layer, [layers, N, 3]) and labels.npy; with --compare-data also compare-projection.npy (the new data in the same PCA) and shift.json (dir must not exist, or be empty)'
    )
    .addHelpText(
      'after',
      '\nFlags: merging > 5% of input-distinct pairs, an update > 3x the median of its residual stretch, kNN preservation < 50%.\nLimits: 48 MiB per model file (model.json or weight shard); 512 MiB per .npy/.npz dump file (and per NPZ member, and all members of one .npz together), 5,000,000 rows per layer, 256 MiB per CSV, 512 layers.\nExit codes: 0 done, 1 failure, 2 invalid input or options.'
    )
    .action(async (input: string, opts: RawAnalyzeOptions) => {
      code = await analyzeCommand(input, opts, io)
    })

  program
    .command('inspect')
    .description(
      "an ONNX model's graph as JSON: inputs, outputs (shapes, symbolic dimensions by name), opset, producer, every node output in topological order with its shape, the residual blocks (Add nodes joining a skip path to a branch computed from it), and the tensors analyze records by default"
    )
    .argument('<model>', `a .onnx file with its weights inside (at most ${ONNX_LIMITS.maxModelBytes / 1024 ** 2} MiB)`)
    .addHelpText('after', '\nExit codes: 0 done, 1 failure, 2 invalid input.')
    .action(async (model: string) => {
      code = await inspectCommand(model, io)
    })

  program
    .command('compare-analyses')
    .description('two analysis folders side by side (before/after): per-layer metrics of both and b - a, layers matched by name, else by position; prints JSON')
    .argument('<a>', 'an analysis folder (nagare analyze --out, or <workspace>/analyses/<id>)')
    .argument('<b>', 'the analysis to compare it with')
    .addHelpText('after', '\nExit codes: 0 done, 1 failure, 2 a folder is not an analysis.')
    .action(async (a: string, b: string) => {
      code = await compareAnalysesCommand(a, b, io)
    })

  try {
    await program.parseAsync(argv)
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.invalid
    io.stderr.write(`nagare: ${e instanceof Error ? e.message : String(e)}\n`)
    return EXIT.failure
  }
  return code
}
