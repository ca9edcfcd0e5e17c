// The messages' public face: the Message model (message.ts), the catalogues it draws its keys from
// (catalogues.ts), Messages as files keep them (stored.ts), zod's issues as Messages (zod-issue.ts), and
// errors that carry a Message (message-error.ts). Legacy English texts are read back only through
// legacy.ts, imported by name where a 0.1.0 text may turn up.

export { CATALOGS, MESSAGES, type MessageKey } from './catalogues'
export { message, isMessageValue, renderMessage, english, englishLines, type Message, type MessageParam, type MessageLang } from './message'
export { stored, storedEnglish, StoredMessageSchema, StoredTextSchema, type StoredMessage, type StoredText } from './stored'
export { zodIssueMessage, zodIssuesMessage, customIssue, issueField } from './zod-issue'
export { inlineList } from './message-list'
export { MessageError, messageOf, messageSyntaxError } from './message-error'

export type { Params } from './format'
