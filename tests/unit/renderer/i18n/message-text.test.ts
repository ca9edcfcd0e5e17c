// What the screen makes of a text the engine sends: a Message in the reader's language (a nested Message
// in it too), a plain string as a legacy English text read back by the legacy fallback, a key this build
// does not know as the key, nothing as nothing, and a dataset's cleaning (several Messages, or the one
// English string a 0.1.0 dataset kept) as one line. Checked against the catalogue's own templates.
import { describe, expect, it } from 'vitest'
import { message, MESSAGES, stored, type Message, type StoredMessage, english } from '@shared/messages'
import { fill } from '@shared/messages/format'
import { joinedText, messageTextIn } from '@/i18n/messageText'

const examples = message('import.examplesOne', { list: '"abc"' })
const issue = message('import.issueNonNumericOne', { name: 'pressure', examples })

describe('messageTextIn', () => {
  it('renders a Message and the Message inside it in the language asked for', () => {
    const inner = fill(MESSAGES['import.examplesOne'].ja, { list: '"abc"' })
    expect(messageTextIn(issue, 'ja')).toBe(fill(MESSAGES['import.issueNonNumericOne'].ja, { name: 'pressure', examples: inner }))
    expect(messageTextIn(issue, 'en')).toBe(
      english(message('import.issueNonNumericOne', { name: 'pressure', examples: message('import.examplesOne', { list: '"abc"' }) }))
    )
    // the English kept beside a stored Message is not what is shown: the Message is rendered
    const kept: StoredMessage = { ...stored(issue), text: 'stale' }
    expect(messageTextIn(kept, 'ja')).toBe(messageTextIn(issue, 'ja'))
  })

  it('reads a legacy English string back into Japanese, and leaves text that is no message as it is', () => {
    const legacy = english(message('import.issueNoNumericColumn'))
    expect(messageTextIn(legacy, 'ja')).toBe(MESSAGES['import.issueNoNumericColumn'].ja)
    expect(messageTextIn(legacy, 'en')).toBe(legacy)
    expect(messageTextIn('ENOENT: no such file', 'ja')).toBe('ENOENT: no such file')
  })

  it('shows an unknown key as the key, and nothing for nothing', () => {
    expect(messageTextIn({ key: 'future.note' } as unknown as Message, 'ja')).toBe('future.note')
    expect(messageTextIn(undefined, 'ja')).toBe('')
    expect(messageTextIn(null, 'en')).toBe('')
  })
})

describe('joinedText', () => {
  const mt = (m: Message | string | undefined | null): string => messageTextIn(m, 'ja')
  it('says several Messages as one line, and a 0.1.0 string through the fallback', () => {
    const cleaning = [stored(message('import.droppedRowOne', { kept: '4', total: '5' })), stored(message('import.filledOneMean'))]
    expect(joinedText(mt, cleaning)).toBe(`${fill(MESSAGES['import.droppedRowOne'].ja, { kept: '4', total: '5' })}; ${MESSAGES['import.filledOneMean'].ja}`)
    expect(joinedText(mt, english(message('import.filledOneMean')))).toBe(MESSAGES['import.filledOneMean'].ja)
    expect(joinedText(mt, undefined)).toBe('')
  })
})
