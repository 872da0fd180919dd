/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { backendProxy } from './plugins/backendProxy.ts';
import { precompress } from './plugins/precompress.ts';

// The dev server proxies /api and /files to the Go backend, so the browser talks to one origin;
// while `make dev` still compiles the backend, requests wait for it and then get a quiet 503.
const backend = process.env.BACKEND_URL ?? 'http://127.0.0.1:8000';
export default defineConfig({
  plugins: [react(), tailwindcss(), precompress()],
  server: {
    port: 5173,
    proxy: { '/api': backendProxy(backend), '/files': backendProxy(backend) },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'plugins/**/*.test.ts'],
  },
});
