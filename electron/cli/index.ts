// Entry point of the `nagare` command (bin/nagare.js loads this, built or from source).
import { main } from './main'
import { printable } from './printable'

main(process.argv).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(printable(`nagare: ${e instanceof Error ? e.message : String(e)}\n`))
    process.exitCode = 1
  }
)
