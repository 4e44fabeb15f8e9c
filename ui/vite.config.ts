import { readFileSync } from 'node:fs'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

// The launch's early questions (src/first-screen.js), written into the page's head: as a file
// the page had to fetch first, it held the parsing back ~15 ms. Tauri hashes inline scripts into
// the CSP when it embeds the page.
function firstScreenInHead(): Plugin {
  const script = () => readFileSync(new URL('./src/first-screen.js', import.meta.url), 'utf8')
  return {
    name: 'northstar-first-screen-in-head',
    // Right after the title, ahead of the style sheets: an inline script after a style sheet
    // waits for it to load.
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('</title>', `</title>\n    <script>\n${script()}    </script>`),
    },
  }
}

// The Rust binary embeds ui/dist; tests run in jsdom with the Tauri IPC mocked.
export default defineConfig({
  plugins: [svelte(), firstScreenInHead()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: 'es2022', chunkSizeWarningLimit: 400 },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    css: { include: [/app\.css/] },
  },
})
