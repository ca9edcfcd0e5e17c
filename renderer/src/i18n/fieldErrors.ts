// Plain-language, translated wording for the validator's field errors. parseSpec speaks English
// (shared with the CLI); known messages are matched here and reworded, unknown ones pass through.
type Translate = (key: string, params?: Record<string, unknown>) => string

const RULES: [RegExp, string, (m: RegExpMatchArray) => Record<string, unknown>][] = [
  [/^Invalid input: expected int, received number$/, 'validation.integer', () => ({})],
  [/^Invalid input: expected (number|int), received \w+$/, 'validation.number', () => ({})],
  [/^Too small: expected number to be >(-?[\d.e+-]+)$/, 'validation.greaterThan', (m) => ({ n: m[1] })],
  [/^Too small: expected number to be >=(-?[\d.e+-]+)$/, 'validation.atLeast', (m) => ({ n: m[1] })],
  [/^Too big: expected number to be <(-?[\d.e+-]+)$/, 'validation.lessThan', (m) => ({ n: m[1] })],
  [/^Too big: expected number to be <=(-?[\d.e+-]+)$/, 'validation.atMost', (m) => ({ n: m[1] })],
  [/^Too small: expected string to have >=1 characters$/, 'validation.required', () => ({})],
  [/^Too big: expected string to have <=(\d+) characters$/, 'validation.tooLong', (m) => ({ n: m[1] })],
  [/^weights must sum to 1 \(they sum to (.+)\)$/, 'validation.weightsSum', (m) => ({ sum: Number(m[1]).toPrecision(4) })],
  [/^depth .+ is at or past the singular time t\* = (\S+)/, 'validation.singular', (m) => ({ t: Number(m[1]).toPrecision(4) })],
  [/^step size must not exceed the depth$/, 'validation.stepExceedsDepth', () => ({})],
  [/^depth \/ step size gives (\d+) steps; the limit is (\d+)$/, 'validation.tooManySteps', (m) => ({ steps: m[1], limit: m[2] })],
  [/^covariance must be (\d+)x\d+$/, 'validation.covarianceShape', (m) => ({ d: m[1] })],
  [/^covariance must be symmetric$/, 'validation.symmetric', () => ({})],
  [/^covariance is not positive definite \(smallest eigenvalue (\S+)\)$/, 'validation.notPositiveDefinite', (m) => ({ value: m[1] })],
  [/^\S+ needs a Gaussian or Gaussian-mixture distribution/, 'validation.needsMixture', () => ({})],
  [/^(\d+) particles; the limit is (\d+)$/, 'validation.tooManyParticles', (m) => ({ n: m[1], limit: m[2] })],
  [/^trajectories would need (\d+) MiB; the memory budget is (\d+) MiB/, 'validation.memory', (m) => ({ need: m[1], budget: m[2] })],
  [/^minimum step must be smaller than the depth$/, 'validation.minStep', () => ({})],
  [/^reference size (\d+) exceeds the (\d+) particles it is drawn from$/, 'validation.referenceTooLarge', (m) => ({ size: m[1], n: m[2] })]
]

export function describeFieldError(message: string, t: Translate): string {
  for (const [re, key, params] of RULES) {
    const m = message.match(re)
    if (m) return t(key, params(m))
  }
  return message
}
