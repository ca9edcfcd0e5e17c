// Messages that errors needed once they crossed the contract as data: the pieces that used to be glued
// together in English (a payload's list of issues, an error inside another), and the CLI's own refusals.
// Keys start with "errmsg.".
import type { Catalog } from './catalog'

export const ERRMSG_MESSAGES = {
  'errmsg.payloadIssue': { en: '{path}: {issue}', ja: '{path}: {issue}' },
  'errmsg.issueList': { en: '{first}; {next}', ja: '{first} / {next}' },
  'errmsg.internal': { en: 'internal error: {detail}', ja: '内部エラーが発生しました: {detail}' }
} as const satisfies Catalog
