# Regenerates shared/messages/catalogues.ts (its imports and tables) from the catalog-*.ts files present.
# Usage: python3 scripts/message-index.py <project root>
import re, glob, os, sys
root = sys.argv[1]
p = os.path.join(root, 'shared/messages/catalogues.ts')
s = open(p).read()
anchor = "import type { Catalog } from './catalog'\n"
end = "export type MessageKey = keyof typeof MESSAGES"
a = s.index(anchor) + len(anchor)
b = s.index(end)
cats = []
for f in sorted(glob.glob(os.path.join(root, 'shared/messages/catalog-*.ts'))):
    name = os.path.basename(f)[len('catalog-'):-3]
    m = re.search(r'export const (\w+_MESSAGES)\b', open(f).read())
    if m: cats.append((name, m.group(1)))
imports = ''.join(f"import {{ {c} }} from './catalog-{n}'\n" for n, c in cats)
key = lambda n: n if re.match(r'^[a-z]+$', n) else "'" + n + "'"
catalogs = 'export const CATALOGS = {\n' + ',\n'.join(f"  {key(n)}: {c}" for n, c in cats) + '\n} as const\n'
messages = 'export const MESSAGES = {\n' + ',\n'.join(f"  ...{c}" for n, c in cats) + '\n}\n'
s = s[:a] + imports + '\n' + catalogs + '\n' + messages + '\n' + s[b:]
assert '<<<<<<<' not in s and '>>>>>>>' not in s, 'conflict markers left elsewhere in index.ts'
open(p, 'w').write(s)
print('catalogs:', [n for n, _ in cats])
