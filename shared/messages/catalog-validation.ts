// Field errors from the spec schema's own checks (type, range, length, choice, unknown keys), worded for
// the person filling the form. zod's issues become these keys in shared/messages/zod-issue.ts, from the
// issue's code and data, never from zod's English.
export const VALIDATION_MESSAGES = {
  'validation.integer': { en: 'Enter a whole number.', ja: '整数を入力してください。' },
  'validation.number': { en: 'Enter a number.', ja: '数値を入力してください。' },
  'validation.greaterThan': { en: 'Must be greater than {n}.', ja: '{n} より大きい値にしてください。' },
  'validation.atLeast': { en: 'Must be at least {n}.', ja: '{n} 以上にしてください。' },
  'validation.lessThan': { en: 'Must be less than {n}.', ja: '{n} より小さい値にしてください。' },
  'validation.atMost': { en: 'Must be at most {n}.', ja: '{n} 以下にしてください。' },
  'validation.required': { en: 'Required.', ja: '入力してください。' },
  'validation.tooShort': { en: 'At least {n} characters.', ja: '{n} 文字以上にしてください。' },
  'validation.tooLong': { en: 'At most {n} characters.', ja: '{n} 文字以内にしてください。' },
  'validation.wrongType': { en: 'This value has the wrong form.', ja: '値の形式が正しくありません。' },
  'validation.minItems': { en: 'Give at least {n} entries.', ja: '{n} 個以上指定してください。' },
  'validation.maxItems': { en: 'Give at most {n} entries.', ja: '{n} 個以下にしてください。' },
  'validation.exactItems': { en: 'Give exactly {n} entries.', ja: 'ちょうど {n} 個指定してください。' },
  'validation.oneOf': { en: 'Choose one of: {options}.', ja: '次のいずれかを選んでください: {options}。' },
  'validation.expected': { en: 'Must be {value}.', ja: '{value} にしてください。' },
  'validation.unrecognizedKeys': { en: 'Unknown setting: {keys}.', ja: '不明な設定項目です: {keys}。' },
  'validation.badFormat': { en: 'This text does not have the expected form.', ja: 'この文字列は求められる形式ではありません。' },
  'validation.invalid': { en: 'This value is not valid.', ja: 'この値は正しくありません。' }
}
