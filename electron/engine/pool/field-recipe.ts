// A velocity field rebuilt from its recipe inside a pool worker: the same code the engine's own thread
// runs (continuous and empirical DAE, a trained MLP field), so a shard moves exactly as it would there.
import { createRng } from '../sampling/random'
import { continuousDaeField } from '../flows/continuous-dae'
import { empiricalDaeField } from '../flows/empirical-dae'
import type { FieldRecipe, VelocityField } from '../flows/types'
import { MlpField } from '../models/mlp-field'

export function fieldFromRecipe(recipe: FieldRecipe): VelocityField {
  if (recipe.kind === 'continuous-dae') return continuousDaeField(recipe.mixture)
  if (recipe.kind === 'empirical-dae') return empiricalDaeField(recipe.dim, recipe.bandwidth, recipe.referenceSize)
  // the initialisation is overwritten at once by the trained weights
  const model = new MlpField(recipe.config, createRng(0))
  try {
    model.setWeights(recipe.weights)
    // the recipe rides along, so transport can run the field on onnxruntime as on the engine's thread
    return Object.assign(model.snapshot(), { recipe })
  } finally {
    model.dispose()
  }
}
