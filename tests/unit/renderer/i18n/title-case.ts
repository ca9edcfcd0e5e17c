// The sentence-case rule of the English catalogues as a function a test runs over every string: titles,
// buttons, labels and messages are written in sentence case ("Run summary", not "Run Summary"). A sentence
// (or a label between separators) with more than one capitalised word that is not a proper noun or an
// acronym from ALLOWED is a Title Case phrase. Acronyms in capitals (ONNX, PCA, CSV, W2) and lower-case
// starts (kNN) are not capitalised words; single capitals (A, B, T) are symbols. Also the rule that a
// message states each number once (repeatedNumbers).

/** Proper nouns and brand names that keep their capital wherever they stand. */
export const ALLOWED = new Set([
  // people and the methods named after them
  'Euler',
  'Runge',
  'Kutta',
  'Dormand',
  'Prince',
  'Gaussian',
  'Gaussians',
  'Kozachenko',
  'Leonenko',
  'Jacobian',
  'Hutchinson',
  'Wasserstein',
  'Nadaraya',
  'Watson',
  'Fokker',
  'Planck',
  'Frobenius',
  'Adam',
  'Fortran',
  // languages, products, formats and keys
  'English',
  'Japanese',
  'Nagare',
  'PyTorch',
  'TensorFlow',
  'Keras',
  'Electron',
  'Chromium',
  'Python',
  'NumPy',
  'WebGL',
  'WebGL2',
  'WebAssembly',
  'JavaScript',
  'SwiftShader',
  'SavedModel',
  'ImageFolder',
  'ReLU',
  'LeakyReLU',
  'NaN',
  'MiB',
  'GiB',
  'Zip64',
  'Ctrl',
  'Shift'
])

/** A capitalised word: a capital then a lower-case letter (Summary, PyTorch); not ONNX, W2, kNN or T. */
const CAPITALISED = /^\p{Lu}\p{Ll}/u

/** Words of one string: placeholders, quoted names and file names taken out. */
function words(segment: string): string[] {
  return segment
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/"[^"]*"|“[^”]*”|'[^' ]+'/g, ' ')
    .split(/[\s/]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0)
}

/** Sentences and separated labels: split at sentence ends, colons, middle dots, dashes, bars and brackets. */
export function segments(text: string): string[] {
  return text.split(/[.!?:;](?:\s|$)|\s[·—–|]\s|\n|[()[\]]/)
}

/** The capitalised words of one string that break sentence case (empty when it is in sentence case). */
export function titleCaseWords(text: string, allowed: ReadonlySet<string> = ALLOWED): string[] {
  const bad: string[] = []
  for (const seg of segments(text)) {
    const caps = words(seg)
      .flatMap((w) => w.split(/-/))
      .filter((w) => CAPITALISED.test(w) && !allowed.has(w))
    if (caps.length > 1) bad.push(...caps)
  }
  return bad
}

/** Every string leaf of a nested catalogue with its dotted key. */
export function leaves(o: unknown, prefix = ''): [string, string][] {
  if (typeof o === 'string') return [[prefix, o]]
  if (typeof o !== 'object' || o === null) return []
  return Object.entries(o).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

/**
 * The numbers a message states twice: a placeholder filled in twice within one form of the message
 * (vue-i18n's plural forms, split at " | ", are separate messages), or a literal number of two or more
 * digits written twice.
 */
export function repeatedNumbers(text: string): string[] {
  const twice = (xs: string[]): string[] => [...new Set(xs.filter((x, i) => xs.indexOf(x) !== i))]
  return text
    .split(' | ')
    .flatMap((form) => [
      ...twice([...form.matchAll(/\{(\w+)\}/g)].map((m) => `{${m[1]}}`)),
      ...twice([...form.replace(/\{\w+\}/g, ' ').matchAll(/(?<![\p{L}\d.,])\d[\d,]*\d(?:\.\d+)?/gu)].map((m) => m[0]))
    ])
}
