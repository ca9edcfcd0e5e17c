// Messages of image-folder and array model input and of the ONNX wizard's data checks
// (electron/engine/images, data/array-input.ts, shared/input-shape.ts, the analyze wizard), in English
// and Japanese. Keys start with "imgui.".
import type { Catalog } from './catalog'

export const IMGUI_MESSAGES = {
  // ---- images
  'imgui.imageNotPngJpeg': { en: '{file} is not a PNG or JPEG image', ja: '{file} は PNG でも JPEG でもありません' },
  'imgui.imageUnreadable': { en: '{file}: the image cannot be decoded ({detail})', ja: '{file}: 画像を復号できません（{detail}）' },
  'imgui.imageTooLarge': {
    en: '{file} is {width}x{height} pixels; images up to {max} pixels a side are read',
    ja: '{file} は {width}x{height} ピクセルです。読み込めるのは一辺 {max} ピクセルまでの画像です'
  },
  'imgui.imageSizeDiffers': {
    en: '{file} is {width}x{height} pixels, but {first} is {firstWidth}x{firstHeight}: give a size to resize every image to (--image-size HxW)',
    ja: '{file} は {width}x{height} ピクセルですが、{first} は {firstWidth}x{firstHeight} です。すべての画像をそろえるサイズを指定してください（--image-size HxW）'
  },
  'imgui.folderNoImages': { en: '{path} holds no PNG or JPEG images', ja: '{path} には PNG も JPEG の画像もありません' },
  'imgui.folderLooseImages': {
    en: '{path} has class sub-folders and also {count} images beside them (first {file}): put every image in the sub-folder of its class',
    ja: '{path} にはクラスのサブフォルダーのほかに画像が {count} 枚あります（最初は {file}）。すべての画像をそのクラスのサブフォルダーに入れてください'
  },
  'imgui.folderTooManyImages': {
    en: '{path} holds {count} images; at most {max} are read',
    ja: '{path} には画像が {count} 枚あります。読み込めるのは {max} 枚までです'
  },
  'imgui.folderTooManyValues': {
    en: '{count} images of {shape} values would hold more than {max} values; use at most {most} images or a smaller size',
    ja: '{shape} の画像 {count} 枚では値が {max} 個を超えます。画像は最大 {most} 枚にするか、サイズを小さくしてください'
  },
  'imgui.perChannelCount': {
    en: '{field} has {count} values; give one, or one per channel ({channels})',
    ja: '{field} の値が {count} 個あります。1 個か、チャンネルごとに 1 個（{channels} 個）を指定してください'
  },
  'imgui.progressReadingImages': { en: 'reading images {done}/{n}', ja: '画像を読み込み中 {done}/{n}' },

  // ---- arrays
  'imgui.arrayNotNumpy': {
    en: '{path}: model input must be an .npy or .npz file, or a folder of images',
    ja: '{path}: モデルの入力は .npy か .npz のファイル、または画像のフォルダーにしてください'
  },
  'imgui.npzWhichInput': {
    en: '{path}: cannot tell which member holds the inputs (members: {members}); name it x, data or inputs',
    ja: '{path}: どのメンバーが入力か分かりません（メンバー: {members}）。名前を x、data、inputs のいずれかにしてください'
  },

  // ---- the data against the model's input
  'imgui.shapeMismatch': { en: 'the model takes {model}, the data is {data}', ja: 'モデルの入力は {model} ですが、データは {data} です' },
  'imgui.shapeMismatchLayout': {
    en: 'the model takes {model}, the data is {data}: the same values in the other layout; choose layout {layout}',
    ja: 'モデルの入力は {model} ですが、データは {data} です。並びが逆のレイアウトです。レイアウトを {layout} にしてください'
  },

  // ---- uploads from the app
  'imgui.onnxOneFile': { en: 'an ONNX model is one .onnx file, got {names}', ja: 'ONNX モデルは .onnx ファイル 1 つです。指定されたファイル: {names}' },
  'imgui.stagedTooLarge': { en: 'the model input files sent exceed {max} bytes in all', ja: '送ったモデル入力ファイルの合計が {max} バイトを超えています' },

  'imgui.dumpsNoStagedData': {
    en: 'activation dumps hold their data already: send no data files with them',
    ja: '活性のダンプにはデータがすでに含まれています。データのファイルは一緒に送らないでください'
  },

  // ---- CLI options
  'imgui.optionImageSize': {
    en: '--image-size must be HxW or one side (1 to {max}), got {text}',
    ja: '--image-size は HxW か一辺（1 から {max}）で指定してください。指定値: {text}'
  },
  'imgui.optionNumbers': { en: '{flag} must be numbers separated by commas, got {text}', ja: '{flag} はカンマ区切りの数値で指定してください。指定値: {text}' },
  'imgui.optionChoice': { en: '{flag} must be one of {choices}, got {text}', ja: '{flag} は {choices} のいずれかにしてください。指定値: {text}' },
  'imgui.optionsNeedImages': {
    en: 'image options ({flags}) are for a folder of images; {path} is not a folder',
    ja: '画像のオプション（{flags}）は画像のフォルダーに使います。{path} はフォルダーではありません'
  }
} as const satisfies Catalog
