import { defineConfig } from 'vite';

// React without the plugin: esbuild compiles JSX with the automatic runtime (no fast refresh needed for builds).
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
