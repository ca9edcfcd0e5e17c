// The checkpoint file: a JSON envelope (format, version, spec key, sha256) around the checkpoint body,
// float32 arrays as base64. Decoding checks everything and throws the reason (a Message, for the run's
// note that training started over) on any damage.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { EpochRecordSchema } from '../../../shared/training'
import type { TrainingCheckpoint } from '../training/resume'
import { message, MessageError, type Message } from '../../../shared/messages'
import { parseJson } from '../../../shared/json-depth'

export const CHECKPOINT_FORMAT = 'nagare-training-checkpoint'
export const CHECKPOINT_VERSION = 1

const f32 = (a: Float32Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64')

function fromF32(s: string): Float32Array {
  const b = Buffer.from(s, 'base64')
  if (b.length % 4 !== 0) throw new CheckpointUnusable(message('engine.checkpointArrayBytes'))
  const out = new Float32Array(b.length / 4)
  new Uint8Array(out.buffer).set(b)
  return out
}

const Arr = z.string().transform(fromF32)
const Loop = z.object({
  epochsDone: z.number().int().min(1),
  curve: z.array(EpochRecordSchema),
  nfe: z.number().int().min(0),
  best: z.number().nullable(),
  since: z.number().int().min(0),
  bestWeights: z.array(Arr).optional(),
  done: z.boolean(),
  stoppedEarly: z.boolean()
})
const Body = z.object({
  stage: z.number().int().min(0),
  loop: Loop,
  priorCurve: z.array(EpochRecordSchema),
  priorNfe: z.number().int().min(0),
  priorStoppedEarly: z.boolean(),
  weights: z.array(Arr),
  optimizer: z.object({
    iterations: z.number().int().min(0),
    accBeta: z.tuple([z.number(), z.number()]).optional(),
    slots: z.array(z.object({ shape: z.array(z.number().int().min(0)), values: Arr }))
  }),
  arrays: z.array(Arr)
})
const Envelope = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  version: z.literal(CHECKPOINT_VERSION),
  key: z.string(),
  sha256: z.string(),
  body: z.string()
})

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex')

export function encodeCheckpoint(key: string, cp: TrainingCheckpoint): string {
  const body = JSON.stringify({
    ...cp,
    loop: { ...cp.loop, ...(cp.loop.bestWeights ? { bestWeights: cp.loop.bestWeights.map(f32) } : {}) },
    weights: cp.weights.map(f32),
    optimizer: { ...cp.optimizer, slots: cp.optimizer.slots.map((s) => ({ shape: s.shape, values: f32(s.values) })) },
    arrays: cp.arrays.map(f32)
  })
  return JSON.stringify({ format: CHECKPOINT_FORMAT, version: CHECKPOINT_VERSION, key, sha256: sha256(body), body })
}

/** Why a checkpoint cannot be used, as a Message (the run note carries it); its English is the Error's message. */
export class CheckpointUnusable extends MessageError {
  /** why the checkpoint cannot be used: the error's Message */
  get reason(): Message {
    return this.msg
  }
}

/** The checkpoint in `text`, written for spec key `key`; throws CheckpointUnusable when it is not usable. */
export function decodeCheckpoint(text: string, key: string): TrainingCheckpoint {
  const env = Envelope.safeParse(parseJson(text))
  if (!env.success) throw new CheckpointUnusable(message('engine.checkpointNotOurs'))
  if (env.data.key !== key) throw new CheckpointUnusable(message('engine.checkpointOtherSpec'))
  if (sha256(env.data.body) !== env.data.sha256) throw new CheckpointUnusable(message('engine.checkpointChecksum'))
  const body = Body.safeParse(parseJson(env.data.body))
  if (!body.success) throw new CheckpointUnusable(message('engine.checkpointContent', { path: body.error.issues[0]?.path.join('.') ?? '?' }))
  for (const s of body.data.optimizer.slots)
    if (s.shape.reduce((a, b) => a * b, 1) !== s.values.length) throw new CheckpointUnusable(message('engine.checkpointSlotShape'))
  return body.data as TrainingCheckpoint
}
