// Engine texts (errors, run notes, import problems, field errors) in the UI's language: the engine
// writes English from the shared message catalogue, and this reads it back into the current locale.
import { useI18n } from 'vue-i18n'
import { localize, type MessageLang } from '@shared/messages'

/** `(text) => text in the current locale`, reactive to language switches when used in templates. */
export function useEngineText(): (text: string | undefined | null) => string {
  const { locale } = useI18n()
  return (text) => (text ? localize(text, locale.value as MessageLang) : '')
}
