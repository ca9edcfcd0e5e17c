// Uploads between preview and import: parsed tables kept in memory behind random tokens, dropped when
// imported, after TTL_MS, or when more than MAX_STAGED are waiting (oldest first), so memory stays bounded.
import { randomBytes } from 'node:crypto'
import { message } from '../../../../shared/messages'
import { EngineError } from '../../errors'
import type { Table } from './table'

export const TTL_MS = 30 * 60 * 1000
export const MAX_STAGED = 4

export interface Staged {
  fileName: string
  bytes: Uint8Array
  table: Table
  expires: number
}

export class Staging {
  private readonly items = new Map<string, Staged>()

  constructor(private readonly now: () => number = Date.now) {}

  put(fileName: string, bytes: Uint8Array, table: Table): string {
    this.sweep()
    while (this.items.size >= MAX_STAGED) this.items.delete(this.items.keys().next().value!)
    const token = randomBytes(18).toString('base64url')
    this.items.set(token, { fileName, bytes, table, expires: this.now() + TTL_MS })
    return token
  }

  get(token: string): Staged {
    this.sweep()
    const s = this.items.get(token)
    if (!s) throw new EngineError('not-found', message('import.uploadExpired'))
    return s
  }

  drop(token: string): void {
    this.items.delete(token)
  }

  get size(): number {
    this.sweep()
    return this.items.size
  }

  private sweep(): void {
    const t = this.now()
    for (const [k, s] of this.items) if (s.expires <= t) this.items.delete(k)
  }
}
