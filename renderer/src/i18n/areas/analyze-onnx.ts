// The analyze wizard's ONNX parts: the .onnx source and its layer picker, model input picked as files
// (a folder of images with its options and preview, or an .npy/.npz array), their problems, and how the
// analysis page describes such data.
import type { AreaMessages } from '../messages'

export default {
  en: {
    analyzeOnnx: {
      source: { title: 'An ONNX model', desc: 'A .onnx file exported from PyTorch, Keras or scikit-learn. Choose the layers to record from its graph.' },
      pick: 'Choose the .onnx file',
      chosen: '{name}, {size}',
      inspecting: 'Reading the model’s graph…',
      input: 'Model input “{name}”: {shape}',
      picker: {
        title: 'Layers to record',
        hint: 'Grouped by module path. The default choice (block outputs and activations) is preselected.',
        count: '{count} of {total} tensors chosen (at most {max})',
        defaults: 'Default choice',
        none: 'None',
        all: 'All in {group}',
        topLevel: '(top level)',
        residual: 'residual block output'
      },
      data: {
        images: { title: 'A folder of images', desc: 'PNG or JPEG; one sub-folder per class (as torchvision’s ImageFolder).' },
        array: { title: 'A NumPy array', desc: 'An .npy or .npz file of shape [N, …] (NPZ: inputs in x, labels in y).' },
        pickFolder: 'Choose the image folder',
        pickArray: 'Choose the .npy or .npz file',
        found: '{count} images in {classes} classes',
        foundUnlabelled: '{count} images, no class sub-folders (unlabelled)',
        skipped: '{count} files left out (not PNG or JPEG)',
        firstSize: 'First image: {width}×{height} pixels',
        preview: 'First images',
        arrayShape: 'Shape {shape}',
        shape: 'The data: {data} · the model takes {model}',
        shapeOk: 'The data’s shape fits the model’s input.'
      },
      options: {
        title: 'How the images are read',
        resize: 'Resize every image (bilinear)',
        height: 'Height',
        width: 'Width',
        channels: 'Channels',
        rgb: 'RGB (3)',
        gray: 'Gray (1)',
        scale: 'Pixel values',
        scale01: '0–1 (÷ 255)',
        scale255: '0–255',
        mean: 'Mean per channel',
        std: 'Std per channel',
        normHint: 'Optional, e.g. 0.485, 0.456, 0.406: (value − mean) / std after scaling.',
        layout: 'Layout',
        nchw: 'NCHW (PyTorch)',
        nhwc: 'NHWC (Keras)'
      },
      problems: {
        noOnnx: 'Choose a .onnx model file.',
        notOnnx: '{name} is not a .onnx file.',
        onnxTooLarge: '{name} is {size}, over the {limit} limit for one file.',
        inspectFailed: 'The model cannot be read: {message}',
        noLayersChosen: 'Choose at least one layer to record.',
        tooManyLayers: '{count} layers chosen; at most {max} can be recorded.',
        noArray: 'Choose an .npy or .npz file.',
        notArray: '{name} is not an .npy or .npz file.',
        arrayShapeUnknown: 'The shape of {name} cannot be read here; the engine checks it when you press Analyze.',
        noImages: 'Choose a folder holding PNG or JPEG images.',
        looseImages: 'The folder has class sub-folders and also images beside them ({name}): put every image in the sub-folder of its class.',
        imageSize: 'Height and width: whole numbers from 1 to {max}.',
        numbers: '{field}: numbers separated by commas.',
        perChannel: '{field} has {count} values; give one, or one per channel ({channels}).',
        shape: '{message}'
      },
      stageFailed: 'The data files could not be sent: {message}',
      page: {
        images: 'Data: images from {path} ({n} images, shape {shape}; {channels}, {scale}, layout {layout}{size}).',
        imagesSize: ', resized to {height}×{width}',
        array: 'Data: {path} ({n} samples, shape {shape}).'
      }
    }
  },
  ja: {
    analyzeOnnx: {
      source: { title: 'ONNX モデル', desc: 'PyTorch・Keras・scikit-learn から書き出した .onnx ファイル。グラフから記録する層を選びます。' },
      pick: '.onnx ファイルを選択',
      chosen: '{name}、{size}',
      inspecting: 'モデルのグラフを読み込み中…',
      input: 'モデルの入力「{name}」: {shape}',
      picker: {
        title: '記録する層',
        hint: 'モジュールのパスごとにまとめています。既定の選択 (ブロックの出力と活性化) を選んであります。',
        count: '{total} 個のテンソルのうち {count} 個を選択 (最大 {max} 個)',
        defaults: '既定の選択',
        none: 'すべて外す',
        all: '{group} をすべて',
        topLevel: '(最上位)',
        residual: '残差ブロックの出力'
      },
      data: {
        images: { title: '画像のフォルダー', desc: 'PNG または JPEG。クラスごとに 1 つのサブフォルダー (torchvision の ImageFolder と同じ)。' },
        array: { title: 'NumPy の配列', desc: '形状 [N, …] の .npy または .npz ファイル (NPZ は入力を x、ラベルを y に)。' },
        pickFolder: '画像のフォルダーを選択',
        pickArray: '.npy または .npz ファイルを選択',
        found: '{classes} クラス、画像 {count} 枚',
        foundUnlabelled: '画像 {count} 枚、クラスのサブフォルダーなし (ラベルなし)',
        skipped: '{count} 個のファイルを除外 (PNG・JPEG 以外)',
        firstSize: '最初の画像: {width}×{height} ピクセル',
        preview: '最初の画像',
        arrayShape: '形状 {shape}',
        shape: 'データ: {data} · モデルの入力: {model}',
        shapeOk: 'データの形状はモデルの入力に合っています。'
      },
      options: {
        title: '画像の読み込み方',
        resize: 'すべての画像をリサイズ (双線形)',
        height: '高さ',
        width: '幅',
        channels: 'チャンネル',
        rgb: 'RGB (3)',
        gray: 'グレー (1)',
        scale: '画素値',
        scale01: '0〜1 (÷ 255)',
        scale255: '0〜255',
        mean: 'チャンネルごとの平均',
        std: 'チャンネルごとの標準偏差',
        normHint: '省略可。例: 0.485, 0.456, 0.406。スケール後に (値 − 平均) / 標準偏差。',
        layout: 'レイアウト',
        nchw: 'NCHW (PyTorch)',
        nhwc: 'NHWC (Keras)'
      },
      problems: {
        noOnnx: '.onnx のモデルファイルを選んでください。',
        notOnnx: '{name} は .onnx ファイルではありません。',
        onnxTooLarge: '{name} は {size} で、1 ファイルの上限 {limit} を超えています。',
        inspectFailed: 'モデルを読み込めません: {message}',
        noLayersChosen: '記録する層を 1 つ以上選んでください。',
        tooManyLayers: '{count} 個の層を選んでいます。記録できるのは {max} 個までです。',
        noArray: '.npy または .npz ファイルを選んでください。',
        notArray: '{name} は .npy でも .npz でもありません。',
        arrayShapeUnknown: '{name} の形状はここでは読めません。「解析する」を押すとエンジンが確認します。',
        noImages: 'PNG または JPEG の画像を含むフォルダーを選んでください。',
        looseImages: 'フォルダーにはクラスのサブフォルダーのほかに画像があります ({name})。すべての画像をそのクラスのサブフォルダーに入れてください。',
        imageSize: '高さと幅: 1 から {max} までの整数。',
        numbers: '{field}: カンマ区切りの数値。',
        perChannel: '{field} の値が {count} 個あります。1 個か、チャンネルごとに 1 個 ({channels} 個) を指定してください。',
        shape: '{message}'
      },
      stageFailed: 'データのファイルを送れませんでした: {message}',
      page: {
        images: 'データ: {path} の画像 ({n} 枚、形状 {shape}。{channels}、{scale}、レイアウト {layout}{size})。',
        imagesSize: '、{height}×{width} にリサイズ',
        array: 'データ: {path} ({n} サンプル、形状 {shape})。'
      }
    }
  }
} satisfies AreaMessages
