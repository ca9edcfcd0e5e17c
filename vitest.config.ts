// Unit tests: engine, shared, server and Electron glue (mocked) in Node; renderer components in happy-dom.
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@shared': resolve(__dirname, 'shared'), '@': resolve(__dirname, 'renderer/src') } },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2
  }
})
