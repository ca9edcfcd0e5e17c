// The messages' public face: the Message model (message.ts), the catalogues it draws its keys from
// (catalogues.ts), zod's issues as Messages (zod-issue.ts), and the older English-text helpers.
import { fill, matcher, readParams, type Params } from './format'
import { localizeWith, type MessageLang } from './localize'
import { MESSAGES, type MessageKey } from './catalogues'

export { CATALOGS, MESSAGES, type MessageKey } from './catalogues'
export { message, isMessageValue, renderMessage, english, englishLines, type Message, type MessageParam } from './message'
export { zodIssueMessage, zodIssuesMessage, customIssue, issueField } from './zod-issue'
export { inlineList } from './message-list'
export { MessageError, messageOf, messageSyntaxError } from './message-error'

/** The English text of a message: what errors, notes and logs carry. */
export function say(key: MessageKey, params?: Params): string {
  return fill(MESSAGES[key].en, params)
}

/** Whether `text` is the English of message `key` (with any params): how the UI tells kinds of text apart. */
export function isMessage(text: string, key: MessageKey): boolean {
  return readParams(matcher(MESSAGES[key].en), text) !== null
}

/** An English engine text (or several joined by "; " or newlines) in `lang`; non-messages pass through. */
export function localize(text: string, lang: MessageLang): string {
  return localizeWith(MESSAGES, text, lang)
}

export type { Params } from './format'
export type { MessageLang } from './localize'
