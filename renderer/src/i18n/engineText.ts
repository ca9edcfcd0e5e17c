// Engine texts that are still English strings (errors, until they are Messages) in the UI's language:
// read back into the current locale by the legacy fallback. Notes, flags, issues and progress are
// Messages and go through useMessageText (messageText.ts).
import { useI18n } from 'vue-i18n'
import type { MessageLang } from '@shared/messages'
import { legacyText } from '@shared/messages/legacy'

/** `(text) => text in the current locale`, reactive to language switches when used in templates. */
export function useEngineText(): (text: string | undefined | null) => string {
  const { locale } = useI18n()
  return (text) => (text ? legacyText(text, locale.value as MessageLang) : '')
}
