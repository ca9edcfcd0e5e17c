// Strings of the "Train a continuous-depth network" wizard, its live loss chart and training report.
import type { AreaMessages } from '../messages'

export default {
  en: {
    train: {
      title: 'Train a continuous-depth network',
      templateDescription: 'Train a neural ODE or a denoising autoencoder and watch depth, step size and regularization change what it does to the data.',
      stepOf: 'Step {i} of {n}: {name}',
      steps: { task: 'Task', field: 'Network', depth: 'Depth and steps', regularisation: 'Regularization', training: 'Training and run' },
      back: 'Back',
      next: 'Next',
      run: 'Train',
      otherSteps: 'Fix these steps first:',
      presets: {
        legend: 'Start from',
        fast: { title: 'Fast preview', desc: 'A small network, a few epochs and coarse steps: a first look in seconds.' },
        accurate: {
          title: 'Accurate',
          desc: 'A wider network, many epochs with early stopping, fine steps and an adaptive solver: a careful run that takes minutes.'
        },
        custom: 'Your own settings (from a loaded spec)'
      },
      task: {
        legend: 'What should the network learn?',
        choices: {
          classify: { title: 'Classify points', desc: 'The flow carries the classes apart; a linear read-out at the end names them.' },
          transport: { title: 'Learn the continuous DAE', desc: 'One network learns the denoising flow of a distribution, compared with the closed form.' },
          density: { title: 'Density (normalizing flow)', desc: 'Learn the data density by maximum likelihood.' },
          'trained-dae': { title: 'Trained shallow DAE', desc: 'A real denoising autoencoder with noise t, beside the closed form x / (1 + t) for Gaussians.' },
          'trained-composed-dae': { title: 'Trained composed DAE', desc: 'L denoising autoencoders trained one after another, each with noise t / L.' }
        },
        dataset: 'Dataset',
        dataSource: 'Data',
        builtin: 'A built-in dataset',
        imported: 'Your imported data',
        noImported: 'To classify your own points, import a CSV, NPY or NPZ file with a label column (at most 3 features) on the "Your data" screen.',
        importedDataset: 'Imported dataset',
        importedOption: '{name}: {n} points, {d}-D, {classes} classes',
        datasets: {
          moons: 'Two moons (2-D)',
          circles: 'Two circles (2-D)',
          spirals: 'Two spirals (2-D)',
          'helix-pair': 'Helix pair (3-D)',
          's-curve': 'S-curve, three bands (3-D)',
          'gaussian-blobs': 'Three Gaussian blobs (3-D)'
        },
        points: 'Number of points',
        pointsHint: 'Classification: points of the dataset (a share is held out to measure accuracy). Other tasks: particles moved after training.',
        distribution: 'Data distribution',
        distributionHint: 'The learned flow is compared with the closed form where one exists (Gaussians and mixtures).',
        noise: 'Noise t',
        noiseHint: 'The noise variance of the denoising autoencoder; it is also the depth of the flow.',
        daeLayers: 'Layers L',
        daeLayersHint: "Each layer is a DAE trained on the previous layer's output, with noise t / L."
      },
      field: {
        legend: 'The network v(x, t) that moves the points',
        width: 'Width (units per layer)',
        widthHint: 'More units can bend the flow more finely, and cost more to train.',
        hiddenLayers: 'Hidden layers',
        activation: 'Activation',
        activations: { tanh: 'tanh (smooth, bounded)', softplus: 'softplus (smooth, one-sided)', swish: 'swish (smooth, self-gated)' },
        augment: 'Extra dimensions (ANODE)',
        augmentHint: 'Zero coordinates added to the data so that the flow can pass classes around each other; the state may have at most 3.'
      },
      depth: {
        legend: 'How deep, in how many steps',
        depth: 'Depth T',
        depthHint: 'How long the flow runs. The network is integrated from depth 0 to T.',
        stepSize: 'Step size h (training)',
        layers: 'T / h = {n} layer | T / h = {n} layers',
        notWhole: 'T / h is not a whole number of layers.',
        trainSolver: 'Solver during training',
        evalSolver: 'Solver to evaluate the trained flow',
        evalStepSize: 'Step size to evaluate',
        samples: 'Recorded depths',
        samplesHint: 'Positions kept for the 3-D view, evenly spaced from 0 to T.',
        daeNote: "A DAE's depth is its noise t = {t}, reached in {layers}.",
        daeLayers: '{n} layer | {n} layers'
      },
      reg: {
        legend: 'Regularization',
        weightDecay: 'Weight decay',
        weightDecayHint: 'Pulls the weights toward zero, so the flow stays gentle and does not memorise the training points.',
        kinetic: 'Kinetic energy λK',
        kineticHint: 'Penalises fast movement, so points travel along shorter, straighter paths and the solver needs fewer steps.',
        jacobian: 'Jacobian λJ',
        jacobianHint: 'Penalises how sharply the flow stretches nearby points apart, so the flow is smoother.'
      },
      training: {
        legend: 'Training',
        advanced: 'Advanced: epochs, batches, learning rate, optimizer, seed, early stopping',
        epochs: 'Epochs',
        batchSize: 'Batch size',
        learningRate: 'Learning rate',
        optimizer: 'Optimizer',
        optimizers: { adam: 'Adam', sgd: 'SGD' },
        gradient: 'Gradient',
        gradients: { backprop: 'Backprop through the solver', adjoint: 'Adjoint method' },
        gradientHint:
          'The adjoint method integrates the gradient backwards instead of storing every step: memory no longer grows with depth, at the cost of evaluating the field again on the way back.',
        seed: 'Seed',
        seedHint: 'The same seed on the same backend gives the same curve and the same weights.',
        earlyStopping: 'Stop early when the held-out loss stops improving',
        patience: 'Patience (epochs)',
        validationFraction: 'Held-out share',
        trainingSamples: 'Training samples',
        name: 'Run name'
      },
      cost: {
        title: 'Estimated cost',
        parameters: 'Trainable parameters',
        evaluations: 'Field evaluations in training',
        evaluationsDetail: '{epochs} epochs × {batches} batches × {steps} steps × {stages} stages',
        evaluationsLayers: '{epochs} epochs × {batches} batches × {layers} layers',
        particles: 'Points moved after training',
        evalSteps: 'Evaluation steps',
        evalAdaptive: 'adaptive (dopri5)',
        memory: 'Recorded trajectories',
        fixErrors: 'Fix the highlighted fields to see the cost.'
      },
      spec: {
        title: 'The spec (JSON)',
        save: 'Save as JSON',
        load: 'Load a spec file',
        loaded: 'Loaded {file}.',
        problems: {
          'not-json': 'This file is not JSON.',
          invalid: 'This spec is not valid:',
          'not-trained': 'This spec does not train a network (its flow is a closed form); open it in the DAE wizard instead.'
        }
      },
      live: {
        title: 'Training',
        empty: 'The loss curve appears here while a network trains.',
        emptyView: 'Once trained, the data moving through the network’s depth appears here.',
        chart: 'Loss per epoch',
        epoch: 'epoch',
        layerEpoch: 'layer {layer}, epoch {epoch}',
        loss: 'loss',
        validation: 'held-out loss',
        kinetic: 'kinetic term',
        jacobian: 'Jacobian term',
        terms: 'regularization terms',
        nfe: 'field evaluations',
        perEpoch: '{s} s per epoch',
        cancel: 'Cancel training',
        cancelling: 'Cancelling…',
        fromRun: 'The curve of the finished run.'
      },
      rerun: {
        title: 'Change and re-train',
        button: 'Re-train'
      },
      report: {
        title: 'Training report',
        task: 'Task',
        accuracy: 'Held-out accuracy',
        logLikelihood: 'Held-out log-likelihood',
        pathLength: 'Mean path length',
        heldOutCount: 'Held-out points',
        closedForm: 'Learned vs. closed form',
        meanAbsError: 'mean error',
        maxAbsError: 'max error',
        varianceLearned: 'variance, learned',
        varianceClosedForm: 'variance, closed form',
        robustness: 'Re-integrated differently',
        robustnessHint: 'A trained network is an Euler broken line: how far the outputs move when the flow is integrated more finely.',
        method: 'How',
        maxMove: 'max move',
        meanMove: 'mean move',
        accuracyChange: 'accuracy change',
        final: 'At the end of training',
        trainLoss: 'Training loss',
        validationLoss: 'Held-out loss',
        kinetic: 'Kinetic term',
        jacobian: 'Jacobian term',
        weightNorm: 'Weight norm',
        nfeTraining: 'Field evaluations (training)',
        nfeEvaluation: 'Field evaluations (evaluation)',
        epochsRun: 'Epochs run',
        stoppedEarly: '(stopped early)',
        parameters: 'Parameters',
        wall: 'Time',
        seconds: '{s} s'
      }
    }
  },
  ja: {
    train: {
      title: '連続深さネットワークの学習',
      templateDescription: 'ニューラル ODE やノイズ除去自己符号化器を学習し、深さ・ステップ幅・正則化がデータの動きをどう変えるかを見ます。',
      stepOf: 'ステップ {i}/{n}: {name}',
      steps: { task: 'タスク', field: 'ネットワーク', depth: '深さとステップ', regularisation: '正則化', training: '学習と実行' },
      back: '戻る',
      next: '次へ',
      run: '学習する',
      otherSteps: '先にこれらのステップを直してください:',
      presets: {
        legend: '出発点',
        fast: { title: '手早く試す', desc: '小さなネットワーク、少ないエポック、粗いステップ。数秒で様子が分かります。' },
        accurate: { title: '精密', desc: '幅の広いネットワーク、早期終了つきの多いエポック、細かいステップと適応ソルバー。数分かかる丁寧な実行です。' },
        custom: '独自の設定（読み込んだ仕様）'
      },
      task: {
        legend: 'ネットワークに何を学習させますか？',
        choices: {
          classify: { title: '点を分類する', desc: '流れがクラスを引き離し、最後の線形読み出しがクラスを答えます。' },
          transport: { title: '連続 DAE を学習する', desc: '一つのネットワークが分布のノイズ除去の流れを学習し、閉じた形と比べます。' },
          density: { title: '密度（正規化フロー）', desc: '最尤法でデータの密度を学習します。' },
          'trained-dae': { title: '学習した浅い DAE', desc: 'ノイズ t の実際のノイズ除去自己符号化器。ガウス分布では閉じた形 x / (1 + t) と並べます。' },
          'trained-composed-dae': { title: '学習した合成 DAE', desc: 'L 個の DAE を順に学習します。各層のノイズは t / L です。' }
        },
        dataset: 'データセット',
        dataSource: 'データ',
        builtin: '組み込みのデータセット',
        imported: '取り込んだデータ',
        noImported: '自分の点を分類するには、「データ」画面でラベル列のある CSV・NPY・NPZ ファイル（特徴量は 3 つまで）を取り込んでください。',
        importedDataset: '取り込んだデータセット',
        importedOption: '{name}: {n} 点、{d} 次元、{classes} クラス',
        datasets: {
          moons: '二つの三日月（2 次元）',
          circles: '二つの円（2 次元）',
          spirals: '二つの渦巻き（2 次元）',
          'helix-pair': '二重らせん（3 次元）',
          's-curve': 'S 字曲面・3 帯（3 次元）',
          'gaussian-blobs': '三つのガウス塊（3 次元）'
        },
        points: '点の数',
        pointsHint: '分類: データセットの点の数（一部を正解率の測定用に取り分けます）。その他: 学習後に動かす粒子の数。',
        distribution: 'データの分布',
        distributionHint: '閉じた形がある場合（ガウス分布と混合）、学習した流れをそれと比べます。',
        noise: 'ノイズ t',
        noiseHint: 'ノイズ除去自己符号化器のノイズの分散。流れの深さでもあります。',
        daeLayers: '層数 L',
        daeLayersHint: '各層は前の層の出力で学習した DAE で、ノイズは t / L です。'
      },
      field: {
        legend: '点を動かすネットワーク v(x, t)',
        width: '幅（層あたりのユニット数）',
        widthHint: 'ユニットが多いほど流れを細かく曲げられますが、学習の負荷も増えます。',
        hiddenLayers: '隠れ層の数',
        activation: '活性化関数',
        activations: { tanh: 'tanh（滑らか・有界）', softplus: 'softplus（滑らか・片側）', swish: 'swish（滑らか・自己ゲート）' },
        augment: '追加の次元（ANODE）',
        augmentHint: 'データにゼロの座標を加え、流れがクラス同士をすり抜けさせられるようにします。状態は最大 3 次元です。'
      },
      depth: {
        legend: 'どこまで深く、何ステップで',
        depth: '深さ T',
        depthHint: '流れを動かす長さ。ネットワークを深さ 0 から T まで積分します。',
        stepSize: 'ステップ幅 h（学習時）',
        layers: 'T / h = {n} 層 | T / h = {n} 層',
        notWhole: 'T / h が整数の層数になっていません。',
        trainSolver: '学習時のソルバー',
        evalSolver: '学習済みの流れを評価するソルバー',
        evalStepSize: '評価のステップ幅',
        samples: '記録する深さの数',
        samplesHint: '3D 表示用に 0 から T まで等間隔に位置を記録します。',
        daeNote: 'DAE の深さはノイズ t = {t} で、{layers}で到達します。',
        daeLayers: '{n} 層 | {n} 層'
      },
      reg: {
        legend: '正則化',
        weightDecay: '重み減衰',
        weightDecayHint: '重みをゼロに引き寄せ、流れを穏やかに保ち、学習点の丸暗記を防ぎます。',
        kinetic: '運動エネルギー λK',
        kineticHint: '速い動きに罰則を与え、点がより短くまっすぐな道を通るので、ソルバーのステップも減ります。',
        jacobian: 'ヤコビアン λJ',
        jacobianHint: '近い点同士を急に引き離す伸びに罰則を与え、流れを滑らかにします。'
      },
      training: {
        legend: '学習',
        advanced: '詳細設定: エポック、バッチ、学習率、最適化手法、シード、早期終了',
        epochs: 'エポック数',
        batchSize: 'バッチサイズ',
        learningRate: '学習率',
        optimizer: '最適化手法',
        optimizers: { adam: 'Adam', sgd: 'SGD' },
        gradient: '勾配の計算',
        gradients: { backprop: 'ソルバーを通した誤差逆伝播', adjoint: '随伴法' },
        gradientHint:
          '随伴法は各ステップを保存せず、勾配を逆向きに積分します。メモリは深さに比例して増えなくなりますが、戻る途中で場をもう一度評価する分だけ計算が増えます。',
        seed: 'シード',
        seedHint: '同じバックエンドで同じシードなら、同じ学習曲線と同じ重みになります。',
        earlyStopping: '取り分けたデータの損失が改善しなくなったら早めに止める',
        patience: '待つエポック数',
        validationFraction: '取り分ける割合',
        trainingSamples: '学習サンプル数',
        name: '実行の名前'
      },
      cost: {
        title: '見積もり',
        parameters: '学習するパラメータ数',
        evaluations: '学習中の場の評価回数',
        evaluationsDetail: '{epochs} エポック × {batches} バッチ × {steps} ステップ × {stages} 段',
        evaluationsLayers: '{epochs} エポック × {batches} バッチ × {layers} 層',
        particles: '学習後に動かす点',
        evalSteps: '評価のステップ数',
        evalAdaptive: '適応（dopri5）',
        memory: '記録する軌跡',
        fixErrors: '強調された欄を直すと見積もりが表示されます。'
      },
      spec: {
        title: '仕様（JSON）',
        save: 'JSON として保存',
        load: '仕様ファイルを読み込む',
        loaded: '{file} を読み込みました。',
        problems: {
          'not-json': 'このファイルは JSON ではありません。',
          invalid: 'この仕様は正しくありません:',
          'not-trained': 'この仕様はネットワークを学習しません（流れが閉じた形です）。DAE のウィザードで開いてください。'
        }
      },
      live: {
        title: '学習',
        empty: 'ネットワークの学習中、ここに損失の曲線が表示されます。',
        emptyView: '学習が終わると、ネットワークの深さに沿ってデータが動く様子がここに表示されます。',
        chart: 'エポックごとの損失',
        epoch: 'エポック',
        layerEpoch: '{layer} 層目、エポック {epoch}',
        loss: '損失',
        validation: '取り分けたデータの損失',
        kinetic: '運動エネルギー項',
        jacobian: 'ヤコビアン項',
        terms: '正則化項',
        nfe: '場の評価回数',
        perEpoch: '1 エポック {s} 秒',
        cancel: '学習をキャンセル',
        cancelling: 'キャンセルしています…',
        fromRun: '完了した実行の曲線です。'
      },
      rerun: {
        title: '変えて学習し直す',
        button: '学習し直す'
      },
      report: {
        title: '学習の報告',
        task: 'タスク',
        accuracy: '取り分けたデータの正解率',
        logLikelihood: '取り分けたデータの対数尤度',
        pathLength: '平均の道のり',
        heldOutCount: '取り分けた点',
        closedForm: '学習した流れと閉じた形',
        meanAbsError: '平均誤差',
        maxAbsError: '最大誤差',
        varianceLearned: '分散（学習）',
        varianceClosedForm: '分散（閉じた形）',
        robustness: '別の積分での違い',
        robustnessHint: '学習したネットワークはオイラー折れ線です。流れをより細かく積分したとき出力がどれだけ動くかを示します。',
        method: '方法',
        maxMove: '最大の移動',
        meanMove: '平均の移動',
        accuracyChange: '正解率の変化',
        final: '学習の終わり',
        trainLoss: '学習損失',
        validationLoss: '取り分けたデータの損失',
        kinetic: '運動エネルギー項',
        jacobian: 'ヤコビアン項',
        weightNorm: '重みのノルム',
        nfeTraining: '場の評価回数（学習）',
        nfeEvaluation: '場の評価回数（評価）',
        epochsRun: '実行したエポック数',
        stoppedEarly: '（早期終了）',
        parameters: 'パラメータ数',
        wall: '時間',
        seconds: '{s} 秒'
      }
    }
  }
} satisfies AreaMessages
