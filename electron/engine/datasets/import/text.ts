// CSV and TSV uploads: text decoding (UTF-8 with or without BOM, UTF-16 with BOM, Shift_JIS as saved by
// Japanese Excel), the delimiter (by extension, else sniffed by papaparse), quoted fields, CRLF, and
// header detection (a first row with text and no numbers is the header).
import Papa from 'papaparse'
import { message } from '../../../../shared/messages'
import { EngineError } from '../../errors'
import { CELL_NUMBER, CELL_TEXT, classify, TableBuilder, uniqueNames, type Table } from './table'

/** Bytes to text; refuses binary content rather than showing mojibake as data. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  if (bytes.includes(0)) throw new EngineError('invalid-request', message('import.binaryFile'))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    try {
      return new TextDecoder('shift_jis', { fatal: true }).decode(bytes)
    } catch {
      return new TextDecoder('utf-8').decode(bytes)
    }
  }
}

/** The delimiter of the first rows (comma, tab, semicolon or bar); comma when nothing else fits. */
function sniffDelimiter(text: string): string {
  const guessed = Papa.parse<string[]>(text.slice(0, 64 * 1024), { delimitersToGuess: [',', '\t', ';', '|'], skipEmptyLines: 'greedy', preview: 20 }).meta
    .delimiter
  return guessed || ','
}

const isBlank = (row: readonly string[]): boolean => row.every((c) => c.trim() === '')

/** Parse delimited text into a table. `tab` forces the tab delimiter (.tsv); otherwise it is sniffed. */
export function parseDelimited(text: string, tab: boolean): Table {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  let builder: TableBuilder | undefined
  let width = 0
  let line = 0
  let failure: EngineError | undefined
  let shortRows = 0
  const delimiter = tab ? '\t' : sniffDelimiter(text)
  const onRow = (row: string[]): void => {
    line++
    if (isBlank(row)) return
    if (!builder) {
      const kinds = row.map((c) => classify(c).kind)
      const header = kinds.includes(CELL_TEXT) && !kinds.includes(CELL_NUMBER)
      width = row.length
      builder = new TableBuilder(delimiter === '\t' ? 'tsv' : 'csv', header ? uniqueNames(row) : row.map((_, i) => `column ${i + 1}`))
      if (header) return
    }
    if (row.length > width) {
      // trailing empty fields (a trailing delimiter) are harmless; real extra values are not
      if (row.slice(width).some((c) => c.trim() !== ''))
        throw new EngineError('invalid-request', message('import.lineTooManyFields', { line, count: row.length, width }))
      row = row.slice(0, width)
    } else if (row.length < width) {
      shortRows++
      row = row.concat(Array<string>(width - row.length).fill(''))
    }
    builder.addText(row)
  }
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step(result, parser) {
      if (failure) return
      const quote = result.errors.find((e) => e.type === 'Quotes')
      try {
        if (quote)
          throw new EngineError(
            'invalid-request',
            message(quote.code === 'MissingQuotes' ? 'import.quoteNotClosed' : 'import.quoteMisplaced', { line: line + 1, detail: quote.message })
          )
        onRow(result.data)
      } catch (e) {
        failure = e instanceof EngineError ? e : new EngineError('invalid-request', message('import.lineFailed', { line, detail: (e as Error).message }))
        parser.abort()
      }
    }
  })
  if (failure) throw failure
  if (!builder) throw new EngineError('invalid-request', message('import.fileNoRows'))
  const table = builder.build()
  if (shortRows > 0) table.shortRows = shortRows
  return table
}
