// What run.json records about a trained flow (trained-dae, trained-composed-dae, neural-ode): the
// training curve, held-out quality, regulariser values, NFE, solver robustness and the saved model.
import { z } from 'zod'
import { StoredTextSchema } from './messages/stored'

const num = z.number()
const nullableNum = z.number().nullable()

/** One row of the loss curve (per epoch; per layer and epoch for a composed DAE). */
export const EpochRecordSchema = z.object({
  epoch: z.number().int().min(0),
  /** composed DAE: which layer (0-based) this epoch trained */
  layer: z.number().int().min(0).optional(),
  /** mean data loss over the epoch's batches (MSE, or cross-entropy for classification) */
  trainLoss: num,
  /** data loss on the held-out split at the end of the epoch; null without a split */
  validationLoss: nullableNum,
  /** classification: share of the held-out split classified right at the end of the epoch */
  validationAccuracy: z.number().min(0).max(1).optional(),
  /** kinetic term integral |v|^2 dt (unweighted), null when not measured */
  kinetic: nullableNum,
  /** Jacobian Frobenius term integral |grad v|_F^2 dt (unweighted, Hutchinson), when trained with it */
  jacobian: z.number().optional(),
  /** forward field evaluations (batched) spent in this epoch, backward passes not counted */
  nfe: z.number().int().min(0),
  seconds: z.number().min(0)
})
export type EpochRecord = z.infer<typeof EpochRecordSchema>

/** How far outputs move when the trained flow is re-integrated differently ("a network is an Euler broken line"). */
export const DisplacementSchema = z.object({
  /** what the outputs were re-integrated with: a Message with its English (a string in version-1 runs) */
  method: StoredTextSchema,
  stepSize: num.optional(),
  rtol: num.optional(),
  nfe: z.number().int().min(0),
  /** max over particles of |x_T(re-integrated) - x_T(as trained)| */
  maxDisplacement: num,
  meanDisplacement: num,
  /** classification: held-out accuracy with this integration, and its change from the trained one */
  accuracy: num.optional(),
  accuracyChange: num.optional()
})
export type Displacement = z.infer<typeof DisplacementSchema>

export const TrainingReportSchema = z.looseObject({
  task: z.enum(['dae', 'composed-dae', 'classify', 'transport', 'density']),
  /** folder of the saved TF.js model inside the run folder ('model': model.json + weights.bin) */
  modelDir: z.string().optional(),
  parameterCount: z.number().int().min(0),
  /** classification: class names in label order (labels.npy holds indices into this list) */
  classes: z.array(z.string()).optional(),
  seed: z.number().int(),
  trainingSamples: z.number().int().min(0),
  validationSamples: z.number().int().min(0),
  epochsRun: z.number().int().min(0),
  stoppedEarly: z.boolean(),
  curve: z.array(EpochRecordSchema),
  final: z.object({ trainLoss: num, validationLoss: nullableNum, kinetic: nullableNum, jacobian: num.optional(), weightNorm: num }),
  /** forward field evaluations: during training (all batches), and per particle batch in the evaluation run */
  nfe: z.object({ training: z.number().int().min(0), evaluation: z.number().int().min(0) }),
  heldOut: z
    .object({
      count: z.number().int().min(0),
      accuracy: num.optional(),
      /** mean log-likelihood in nats (density) */
      logLikelihood: num.optional(),
      /** the same average under the true density, when the data distribution is known in closed form */
      logLikelihoodTrue: num.optional(),
      /** mean path length integral |v| dt of the held-out points */
      meanPathLength: num.optional()
    })
    .optional(),
  /** learned versus closed form, where one exists (Gaussian or mixture data) */
  closedForm: z
    .object({
      /** what the learned flow is compared with: a Message with its English (a string in version-1 runs) */
      description: StoredTextSchema,
      /** on the run's particles at the final depth */
      meanAbsError: num,
      maxAbsError: num,
      /** per-axis variance of the transported particles, learned and closed form */
      varianceLearned: z.array(num).optional(),
      varianceClosedForm: z.array(num).optional()
    })
    .optional(),
  robustness: z.array(DisplacementSchema),
  /** density: samples drawn by integrating backwards from N(0, I), against the data's moments */
  generated: z
    .object({
      count: z.number().int().min(1),
      mean: z.array(num),
      covariance: z.array(z.array(num)),
      dataMean: z.array(num),
      dataCovariance: z.array(z.array(num))
    })
    .optional(),
  /**
   * training continued from a checkpoint of an interrupted run: the checkpoint was written after
   * epoch `epoch` (1-based) of `layer` (0-based; composed DAE layer or transport stage); this run
   * trained from the next epoch on. Absent when training started from scratch.
   */
  resumedFrom: z.object({ epoch: z.number().int().min(0), layer: z.number().int().min(0).optional() }).optional(),
  wallSeconds: z.number().min(0)
})
export type TrainingReport = z.infer<typeof TrainingReportSchema>
