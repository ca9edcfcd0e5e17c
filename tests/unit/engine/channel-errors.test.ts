// Every error that crosses the contract is a Message: for each channel, a malformed payload (and, for the
// channels that name a stored item, an id that names nothing) goes through the real engine service and
// comes back as { ok: false, error } whose message is a catalogue Message, worded differently in English
// and Japanese, with no English sentence left in the Japanese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { METHOD_NAMES, type EngineService, type JobEvent, type Method, type Result } from '../../../shared/contract'
import { english, isMessageValue, renderMessage } from '../../../shared/messages'
import { closeEngineService, openEngineService } from './service-fixture'

/** three or more Latin words in a row: an English sentence (or its rest) inside a Japanese text */
const ENGLISH_RUN = /\b[A-Za-z]{2,}(?:\s+[A-Za-z]{2,}){2,}\b/
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/

/** a well-formed id that no run, dataset, analysis or study has */
const NOBODY = '20990101-000000-nobody-0000'

/** the channels that read or change one stored item, with a request naming NOBODY */
const NOT_FOUND: Partial<Record<Method, unknown>> = {
  'runs.get': { id: NOBODY },
  'runs.trajectories': { id: NOBODY },
  'runs.update': { id: NOBODY, name: 'x' },
  'runs.trash': { id: NOBODY },
  'runs.restore': { id: NOBODY },
  'runs.archive': { id: NOBODY },
  'data.get': { id: NOBODY },
  'data.update': { id: NOBODY, name: 'x' },
  'data.trash': { id: NOBODY },
  'data.restore': { id: NOBODY },
  'layers.get': { id: NOBODY },
  'layers.update': { id: NOBODY, name: 'x' },
  'layers.trash': { id: NOBODY },
  'layers.restore': { id: NOBODY },
  'layers.compare': { a: NOBODY, b: NOBODY },
  'studies.get': { id: NOBODY }
}

let ws = ''
let service: EngineService
beforeAll(async () => {
  ;({ ws, service } = await openEngineService('nagare-channel-errors-', [] as JobEvent[]))
})
afterAll(async () => {
  await closeEngineService(service, ws)
})

/** The failure's Message, checked: a catalogue key, both languages non-empty and different, Japanese throughout. */
function expectWordedError(r: Result<unknown>, what: string): string {
  expect(r.ok, what).toBe(false)
  if (r.ok) return ''
  const m = r.error.message
  expect(isMessageValue(m), `${what}: ${JSON.stringify(m)}`).toBe(true)
  const en = english(m)
  const ja = renderMessage(m, 'ja')
  expect(en.trim().length, what).toBeGreaterThan(0)
  expect(ja.trim().length, what).toBeGreaterThan(0)
  expect(ja, what).not.toBe(en)
  expect(ja, `${what}: ${ja}`).toMatch(JAPANESE)
  expect(ja, `${what}: ${ja}`).not.toMatch(ENGLISH_RUN)
  return r.error.code
}

describe('errors across the contract are Messages', () => {
  it('the Japanese check finds an English sentence left in a Japanese text', () => {
    expect('要求が正しくありません: bad payload for runs').toMatch(ENGLISH_RUN)
    expect('ID 20990101-000000-nobody-0000 の実行はありません').not.toMatch(ENGLISH_RUN)
  })

  it.each(METHOD_NAMES)('%s: a malformed payload is refused with a Message', async (method) => {
    const r = await service.call(method, { bogus: 1 } as never)
    expect(expectWordedError(r, method)).toBe('invalid-request')
    // the payload's problem is named by its path, as data: the unknown key, not zod's English
    expect(english(r.ok ? { key: 'validation.invalid' } : r.error.message)).toContain('bogus')
  })

  it.each(Object.entries(NOT_FOUND))('%s: an id that names nothing is refused with a Message', async (method, request) => {
    const r = await service.call(method as Method, request as never)
    expect(expectWordedError(r, method)).toBe('not-found')
    expect(english(r.ok ? { key: 'validation.invalid' } : r.error.message)).toContain(NOBODY)
  })

  it('an unknown method is refused with a Message', async () => {
    expect(expectWordedError(await service.call('runs.explode' as Method, {} as never), 'runs.explode')).toBe('invalid-request')
  })
})
