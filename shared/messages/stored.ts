// Messages as files keep them: the Message (key and params, for the reader's language) with its English
// text beside it, so a person opening run.json, analysis.json or study.json reads the note without the
// app. A plain string in the same place is a legacy text (a folder written by 0.1.0): shown as written,
// through the legacy fallback (legacy.ts).
import { z } from 'zod'
import { english, isMessageValue, type Message, type MessageParam } from './message'
import type { MessageKey } from './catalogues'

/** A Message with its English text; still a Message (the text is ignored when rendering). */
export interface StoredMessage extends Message {
  text: string
}

/** What a stored note or flag text may be: a StoredMessage, or a legacy English string from 0.1.0. */
export type StoredText = StoredMessage | string

const MessageParamSchema: z.ZodType<MessageParam> = z.lazy(() =>
  z.union([z.string(), z.number(), z.object({ key: z.string(), params: z.record(z.string(), MessageParamSchema).optional() }) as z.ZodType<Message>])
)

// the key is any string: a folder written by a newer version may carry keys this build does not know
// (renderMessage then shows the key); the English text beside it still says what it meant
export const StoredMessageSchema = z.object({
  key: z.string().min(1) as unknown as z.ZodType<MessageKey>,
  params: z.record(z.string(), MessageParamSchema).optional(),
  text: z.string()
}) as unknown as z.ZodType<StoredMessage>

/** A StoredMessage or a legacy string: what readers of older and newer folders accept. */
export const StoredTextSchema: z.ZodType<StoredText> = z.union([StoredMessageSchema, z.string()])

/** The Message with its English text beside it, as files keep it. */
export function stored(m: Message): StoredMessage {
  return { ...m, text: english(m) }
}

/** The English of a stored text: the text written beside the Message, or the legacy string itself. */
export function storedEnglish(t: StoredText): string {
  if (typeof t === 'string') return t
  // a key this build does not know: the English the writer put beside it
  const known: boolean = isMessageValue(t)
  return known ? english(t) : t.text
}
