// Remove the temporary workspace the e2e server wrote its runs into (created in playwright.config.ts).
import { rmSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { tmpdir } from 'node:os'

export default function teardown(): void {
  const ws = process.env.NAGARE_E2E_WORKSPACE
  // only ever a directory this config created: directly under the temp dir, with our prefix
  if (ws && dirname(ws) === tmpdir() && basename(ws).startsWith('nagare-e2e-')) rmSync(ws, { recursive: true, force: true })
}
