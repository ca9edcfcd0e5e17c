// Messages (errors, field errors) in the UI's language: the engine and the contract send a Message (a
// catalogue key and its params), and this words it at display time in the current vue-i18n locale.
import { useI18n } from 'vue-i18n'
import { renderMessage, type Message, type MessageLang } from '@shared/messages'

/** The message language of a vue-i18n locale ('ja', 'ja-JP' -> ja; anything else -> en). */
export const messageLang = (locale: string): MessageLang => (locale.startsWith('ja') ? 'ja' : 'en')

/** `(m) => m in the current locale`; reading the locale inside makes templates re-word on a language switch. */
export function useMessageText(): (m: Message | undefined | null) => string {
  const { locale } = useI18n()
  return (m) => (m ? renderMessage(m, messageLang(locale.value)) : '')
}
