// The images of a picked folder (<input webkitdirectory>) in torchvision's ImageFolder convention, as the
// engine will read them (images/folder.ts): the picked folder itself dropped from each path, each
// sub-folder a class (sorted), files in sorted order; hidden files and non-images skipped.
import { IMAGE_EXTENSIONS } from '@shared/image-data'

export interface PickedImage<F> {
  file: F
  /** the path below the picked folder: what is sent (cat/0001.png) */
  path: string
  /** the class (the first sub-folder), or null when the folder holds images directly */
  label: string | null
}

interface Named {
  name: string
  webkitRelativePath?: string
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Images with their paths and labels, sorted as the engine reads them; `root` is the picked folder's name. */
export function imagesOf<F extends Named>(files: readonly F[]): { images: PickedImage<F>[]; root: string; classes: string[]; skipped: number } {
  const images: PickedImage<F>[] = []
  let root = ''
  let skipped = 0
  for (const f of files) {
    const rel = (f.webkitRelativePath || f.name).split('/')
    if (rel.length > 1) root ||= rel[0]
    const inner = rel.length > 1 ? rel.slice(1) : rel
    if (inner.some((s) => s.startsWith('.')) || !IMAGE_EXTENSIONS.test(f.name)) {
      skipped++
      continue
    }
    images.push({ file: f, path: inner.join('/'), label: inner.length > 1 ? inner[0] : null })
  }
  // classes sorted, then files in path order within each (as a sorted directory walk gives)
  images.sort((a, b) => byName(a.label ?? '', b.label ?? '') || byName(a.path, b.path))
  const classes = [...new Set(images.map((i) => i.label).filter((l): l is string => l !== null))]
  return { images, root, classes, skipped }
}
