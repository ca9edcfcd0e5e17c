// Messages that errors needed once they crossed the contract as data: the pieces that used to be glued
// together in English (a payload's list of issues, an error inside another), and the CLI's own refusals.
// Keys start with "errmsg.".
import type { Catalog } from './catalog'

export const ERRMSG_MESSAGES = {
  'errmsg.fieldIssue': { en: 'field {field}: {issue}', ja: '項目 {field}: {issue}' },
  'errmsg.issueList': { en: '{first}; and {next}', ja: '{first}。さらに {next}' },
  'errmsg.npyShapeInvalid': { en: 'bad array shape [{shape}]', ja: '配列の形 [{shape}] が正しくありません' },
  'errmsg.npyShapeCount': {
    en: 'shape [{shape}] needs {count} values, the array has {length}',
    ja: '形 [{shape}] には {count} 個の値が必要ですが、配列には {length} 個あります'
  },
  'errmsg.untrustedSender': {
    en: 'request refused: it did not come from the Nagare window',
    ja: '要求を拒否しました: Nagare のウィンドウから送られたものではありません'
  },
  'errmsg.oneArgument': {
    en: 'bad payload for {method}: expected exactly one argument',
    ja: '{method} の要求の内容が正しくありません: 引数はちょうど 1 つにしてください'
  },
  'errmsg.wireNotJson': { en: 'the message is not valid JSON', ja: 'メッセージが正しい JSON ではありません' },
  'errmsg.wireNotObject': { en: 'the message must be a JSON object', ja: 'メッセージは JSON オブジェクトにしてください' },
  'errmsg.wireNoId': { en: 'the message needs an id (short string or non-negative integer)', ja: 'メッセージには id (短い文字列か 0 以上の整数) が必要です' },
  'errmsg.wireUnexpectedField': { en: 'unexpected field {field}', ja: '想定外の項目 {field} があります' },
  'errmsg.wireNoMethod': { en: 'the message needs a method name', ja: 'メッセージにはメソッド名が必要です' },
  'errmsg.cliIntegerAtLeast': { en: '{flag} must be an integer of at least {min}, got {got}', ja: '{flag} は {min} 以上の整数にしてください (指定: {got})' },
  'errmsg.cliPositiveInteger': { en: '{flag} must be a positive integer, got {got}', ja: '{flag} は正の整数にしてください (指定: {got})' },
  'errmsg.cliNumber': { en: '{flag} must be a number, got {got}', ja: '{flag} は数値にしてください (指定: {got})' },
  'errmsg.cliModelNeedsData': {
    en: '{input} is a model: give the data to run through it with --data <file.csv | file.npy | builtin:moons[:n]>',
    ja: '{input} はモデルです。通すデータを --data <file.csv | file.npy | builtin:moons[:n]> で指定してください'
  },
  'errmsg.cliDataForModel': {
    en: '--data is for a model.json; {input} holds activation dumps, which are the data already (use --labels for class labels)',
    ja: '--data は model.json 用です。{input} は活性化のダンプで、それ自体がデータです (クラスのラベルは --labels で指定してください)'
  },
  'errmsg.cliEntropyDimension': {
    en: '{path}: the kNN entropy is implemented for 1 to 3 dimensions, this cloud has {d}',
    ja: '{path}: kNN エントロピーは 1 から 3 次元に対応しています。この点群は {d} 次元です'
  },
  'errmsg.cliEntropyPoints': {
    en: '{path}: the kNN entropy needs at least 2 points, the file has {n}',
    ja: '{path}: kNN エントロピーには 2 点以上が必要です。このファイルは {n} 点です'
  },
  'errmsg.cliNotJson': { en: '{path} is not valid JSON: {detail}', ja: '{path} は正しい JSON ではありません: {detail}' },
  'errmsg.cliOutNotFolder': { en: '--out {out} exists and is not a directory', ja: '--out {out} は既にあり、フォルダではありません' },
  'errmsg.internal': { en: 'internal error: {detail}', ja: '内部エラーが発生しました: {detail}' }
} as const satisfies Catalog
