// Measures held-out accuracy of the train wizard's classification presets on the built-in 2-D datasets,
// with and without one augmented dimension (model.augment), over a few seeds: the numbers behind the
// low-accuracy hint and the default (README "Trained flows").
// Run: npx tsx --tsconfig tsconfig.web.json scripts/measure/augment-accuracy.ts [fast|accurate] [seeds 1,2,3] [epochs] [datasets]
import '@tensorflow/tfjs-backend-cpu'
import * as tf from '@tensorflow/tfjs-core'
import { SPEC_VERSION } from '../../shared/limits'
import { buildTrainSpec, presetValues, taskDefaults } from '../../renderer/src/components/train/trainSpec'
import { initialTrainValues } from '../../renderer/src/stores/drafts/trainDraft'
import { createJobContext } from '../../electron/engine/jobs/context'
import { runTrainedExperiment } from '../../electron/engine/jobs/trained/runner'

async function main(): Promise<void> {
  await tf.setBackend('cpu')
  const preset = (process.argv[2] ?? 'fast') as 'fast' | 'accurate'
  const seeds = (process.argv[3] ?? '1,2,3').split(',').map(Number)
  const epochs = process.argv[4] ? Number(process.argv[4]) : undefined
  const datasets = (process.argv[5] ?? 'moons,circles,spirals').split(',')
  for (const dataset of datasets) {
    for (const augment of [0, 1]) {
      const acc: number[] = []
      let v = { epochs: 0 }
      for (const seed of seeds) {
        v = { ...initialTrainValues(), ...taskDefaults('classify'), ...presetValues(preset, 'classify'), dataset, augment, seed, ...(epochs ? { epochs } : {}) }
        const ctx = createJobContext(new AbortController().signal, () => undefined)
        const t0 = Date.now()
        const { manifest } = await runTrainedExperiment(buildTrainSpec(v as never, SPEC_VERSION), { ctx, backend: 'cpu', appVersion: 'measure' } as never)
        acc.push(manifest.training?.heldOut?.accuracy ?? NaN)
        process.stderr.write(`${dataset} augment ${augment} seed ${seed}: ${acc[acc.length - 1]} (${Date.now() - t0} ms)\n`)
      }
      console.log(JSON.stringify({ preset, epochs: v.epochs, dataset, augment, seeds, accuracy: acc, mean: acc.reduce((a, b) => a + b, 0) / acc.length }))
    }
  }
}
void main()
