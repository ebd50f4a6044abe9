import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// One HTML file per page, so each page's own code is referenced statically (no extra round trip
// before the countdown shows); shared modules become common chunks. The server serves the output
// from its wwwroot under /app/ and maps the page routes (/join, /e/{id}, ...) to these files.
export default defineConfig({
  base: '/app/',
  build: {
    outDir: resolve(import.meta.dirname, '../Conference.Server/wwwroot/app'),
    emptyOutDir: true,
    target: 'es2022',
    // livekit-client is one lazily loaded chunk of ~530 kB; only LiveKit calls fetch it.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      input: {
        join: resolve(import.meta.dirname, 'join.html'),
        event: resolve(import.meta.dirname, 'event.html'),
        live: resolve(import.meta.dirname, 'live.html'),
        stage: resolve(import.meta.dirname, 'stage.html'),
        // The consoles are pages of their own: their code and texts never reach the participant's bundle.
        host: resolve(import.meta.dirname, 'host.html'),
        producer: resolve(import.meta.dirname, 'producer.html'),
        organizer: resolve(import.meta.dirname, 'organizer.html'),
        // A contributor's page (submission links): no hub, no console texts.
        submit: resolve(import.meta.dirname, 'submit.html'),
      },
    },
  },
});
