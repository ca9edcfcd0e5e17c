// What run.json records about a trained flow (trained-dae, trained-composed-dae, neural-ode): the
// training curve, held-out quality, regulariser values, NFE, solver robustness and the saved model.
// Owned by the learned-flows work (issue 3); refined as it lands.
import { z } from 'zod'

export const TrainingReportSchema = z.looseObject({
  /** folder of the saved TF.js model inside the run folder, e.g. 'model' */
  modelDir: z.string().optional()
})
export type TrainingReport = z.infer<typeof TrainingReportSchema>
