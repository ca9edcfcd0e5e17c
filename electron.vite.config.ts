// Build of the three targets: main side (Electron main, compute hosts, browser-mode server, CLI),
// the sandboxed preload (CommonJS, as sandboxed preloads require) and the Vue renderer.
import { resolve } from 'node:path'
import { defineConfig, externalizeDepsPlugin } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

const here = (p: string): string => resolve(__dirname, p)

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias: { '@shared': here('shared') } },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: here('electron/main/index.ts'),
          utility: here('electron/host/utility.ts'),
          worker: here('electron/host/worker.ts'),
          server: here('electron/server/index.ts'),
          cli: here('electron/cli/index.ts'),
          'sinkhorn-worker': here('electron/engine/metrics/sinkhorn/worker.ts'),
          'pool-worker': here('electron/engine/pool/worker.ts')
        }
      }
    }
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias: { '@shared': here('shared') } },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: here('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: here('renderer'),
    plugins: [vue()],
    resolve: { alias: { '@shared': here('shared'), '@': here('renderer/src') } },
    build: {
      outDir: here('out/renderer'),
      rollupOptions: { input: { index: here('renderer/index.html') } }
    }
  }
})
