// What a job's progress event carries besides its fraction: a Message saying the phase (rendered at the
// edge) and, while a flow trains, the epoch's numbers as numbers, so the live curve and the time left
// are read from data, never from words.

/** One finished epoch of a training, as the progress event carries it. */
export interface TrainingProgress {
  /** 1-based epoch, within the layer or stage when the flow trains in several */
  epoch: number
  epochs: number
  /** 1-based layer (composed DAE) or stage (continuous DAE), when the flow trains in several */
  layer?: number
  layers?: number
  /** mean training loss of the epoch */
  loss: number
  /** held-out loss, when a validation share is set */
  validationLoss?: number
  /** classification: held-out accuracy in [0, 1] */
  accuracy?: number
  kinetic?: number
  jacobian?: number
  /** forward field evaluations so far, summed over epochs */
  nfe: number
  /** wall time of this epoch */
  secondsPerEpoch: number
  /** wall time since training started */
  elapsedSeconds: number
  /** estimated wall time to the end of training, from the mean epoch time so far */
  etaSeconds: number
}
