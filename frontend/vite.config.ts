/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// The dev server proxies /api and /files to the Go backend, so the browser talks to one origin.
// changeOrigin sends the backend's own Host: in local mode it answers only requests addressed to it.
const backend = process.env.BACKEND_URL ?? 'http://127.0.0.1:8000';
const to = { target: backend, changeOrigin: true };
export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 5173,
    proxy: { '/api': to, '/files': to },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
