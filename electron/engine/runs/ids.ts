// Run ids: local timestamp + slug of the run's name + random suffix, e.g. 20261127-181500-paper-47-a1b2.
// They are folder names, so they must match the contract's run-id pattern (checked again when read).
import { randomBytes } from 'node:crypto'

/** The contract's run-id pattern (shared/contract.ts, runs.get): letters, digits, '.', '_', '-'. */
export const RUN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/

export function slugify(name: string, maxLength = 40): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '')
  return slug || 'run'
}

const pad = (v: number, n = 2): string => String(v).padStart(n, '0')

export function newRunId(name: string, now: Date = new Date()): string {
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`
  return `${stamp}-${slugify(name)}-${randomBytes(2).toString('hex')}`
}

export function isRunId(id: string): boolean {
  return RUN_ID_PATTERN.test(id)
}
