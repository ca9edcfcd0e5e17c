// Texts of the engine's worker pool (electron/engine/pool/) and its thread setting.
export const POOL_MESSAGES = {
  'pool.threadExited': { en: 'a compute thread exited with code {code}', ja: '計算スレッドが終了コード {code} で終了しました' },
  'pool.threadsOption': {
    en: '--threads must be a whole number from 1 to {max}, got {value}',
    ja: '--threads には 1 から {max} までの整数を指定してください（指定値 {value}）'
  }
}
