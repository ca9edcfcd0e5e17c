// Public surface of the training core: differentiable solvers, the MSE-to-target step, minibatching.
export { solveDifferentiable, stepCount, STAGES, type FieldFn, type SolveOutput, type TrainSolver } from './solve'
export {
  createOptimizer,
  DEFAULT_CHUNK_ROWS,
  lossAndGradients,
  trainStep,
  type Batch,
  type LossAndGradients,
  type OptimizerConfig,
  type OptimizerKind,
  type StepResult,
  type TrainConfig
} from './train-step'
export { epochBatches, gatherRows, shuffledIndices } from './minibatch'
export { trainEpochs, type EpochReport, type TrainOptions } from './train-loop'
