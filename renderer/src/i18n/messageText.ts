// Messages (notes, flags, import issues, progress) in the UI's language, rendered at display time so a
// language switch re-renders them. A plain string is a legacy English text (a folder written by 0.1.0,
// an engine text not yet a Message) and goes through the legacy fallback.
import { useI18n } from 'vue-i18n'
import { renderMessage, type Message, type MessageLang } from '@shared/messages'
import { legacyText } from '@shared/messages/legacy'

export type MessageText = (m: Message | string | undefined | null) => string

/** The Message (or legacy string) in `lang`; nothing for nothing. */
export function messageTextIn(m: Message | string | undefined | null, lang: MessageLang): string {
  if (m === undefined || m === null) return ''
  return typeof m === 'string' ? legacyText(m, lang) : renderMessage(m, lang)
}

/** `(m) => m in the current locale`, reactive to language switches when used in templates. */
export function useMessageText(): MessageText {
  const { locale } = useI18n()
  return (m) => messageTextIn(m, locale.value === 'ja' ? 'ja' : 'en')
}

/** Several Messages as one line (a dataset's cleaning: rows dropped, cells filled); a legacy string as it is. */
export function joinedText(mt: MessageText, ms: readonly Message[] | string | undefined): string {
  if (ms === undefined) return ''
  return typeof ms === 'string' ? mt(ms) : ms.map((m) => mt(m)).join('; ')
}
