// Where the wasm backend's .wasm files are at run time. In a packaged app the JS is read from inside
// app.asar, but the .wasm files are unpacked beside it into app.asar.unpacked (asarUnpack in
// build/electron-builder.yml); in development, the CLI and tests they sit next to the package's JS.
// Pure string work (either separator), so it is testable without a packaged app.

/** `path` with its `app.asar` segment, if any, replaced by `app.asar.unpacked`. */
export function asarUnpackedPath(path: string): string {
  return path.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked')
}

/**
 * The prefix to pass to tfjs-backend-wasm's setWasmPaths(), from the resolved path of the package's
 * entry file (its dist/ directory holds the .wasm files): that directory, unpacked, ending in a separator.
 */
export function wasmPathPrefix(entryFile: string): string {
  const cut = Math.max(entryFile.lastIndexOf('/'), entryFile.lastIndexOf('\\'))
  if (cut < 0) throw new Error(`not an absolute file path: ${entryFile}`)
  return asarUnpackedPath(entryFile.slice(0, cut + 1))
}
