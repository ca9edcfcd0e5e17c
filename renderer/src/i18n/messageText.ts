// Messages (errors, field errors, notes, flags, import issues, progress) in the UI's language: the engine
// and the contract send a Message (a catalogue key and its params), and this words it at display time in
// the current vue-i18n locale, so a language switch re-words what is on screen. A plain string is a legacy
// English text (a folder written by 0.1.0) and goes through the legacy fallback.
import { useI18n } from 'vue-i18n'
import { renderMessage, type Message, type MessageLang } from '@shared/messages'
import { legacyText } from '@shared/messages/legacy'

export type MessageText = (m: Message | string | undefined | null) => string

/** The message language of a vue-i18n locale ('ja', 'ja-JP' -> ja; anything else -> en). */
export const messageLang = (locale: string): MessageLang => (locale.startsWith('ja') ? 'ja' : 'en')

/** The Message (or legacy string) in `lang`; nothing for nothing. */
export function messageTextIn(m: Message | string | undefined | null, lang: MessageLang): string {
  if (m === undefined || m === null) return ''
  return typeof m === 'string' ? legacyText(m, lang) : renderMessage(m, lang)
}

/** `(m) => m in the current locale`; reading the locale inside makes templates re-word on a language switch. */
export function useMessageText(): MessageText {
  const { locale } = useI18n()
  return (m) => messageTextIn(m, messageLang(locale.value))
}

/** Several Messages as one line (a dataset's cleaning: rows dropped, cells filled); a legacy string as it is. */
export function joinedText(mt: MessageText, ms: readonly Message[] | string | undefined): string {
  if (ms === undefined) return ''
  return typeof ms === 'string' ? mt(ms) : ms.map((m) => mt(m)).join('; ')
}
