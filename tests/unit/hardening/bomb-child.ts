// One bomb case of bad-files.ts in its own process: prints {message, maxRssMiB} as JSON, where maxRssMiB
// is the process's peak resident memory (the whole process, reader and all).
import { BAD_FILES } from './bad-files'

const [name, dir] = process.argv.slice(2)
const c = BAD_FILES.find((b) => b.name === name)
if (!c) throw new Error(`no case ${name}`)
c.run(dir).then(
  () => report('(no error)'),
  (e: Error) => report(e.message)
)
function report(message: string): void {
  process.stdout.write(JSON.stringify({ message, maxRssMiB: process.resourceUsage().maxRSS / 1024 }) + '\n')
}
