// Messages the browser-mode client writes itself (the loopback WebSocket connection), in English and
// Japanese. Keys start with "client.".
import type { Catalog } from './catalog'

export const CLIENT_MESSAGES = {
  'client.connectionLost': {
    en: 'The connection to the Nagare server was lost before it answered. Check that `npm run serve` is still running; the page reconnects by itself.',
    ja: '応答の前に Nagare サーバーとの接続が切れました。`npm run serve` が動いているか確認してください。ページは自動で再接続します。'
  },
  'client.connectionClosed': { en: 'The connection to the Nagare server has been closed.', ja: 'Nagare サーバーとの接続は閉じられました。' },
  'client.cannotSend': { en: 'the request cannot be sent: {reason}', ja: '要求を送れません: {reason}' }
} as const satisfies Catalog
