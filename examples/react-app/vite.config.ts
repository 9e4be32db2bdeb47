import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

// The backend (examples/node-backend) answers /api; in `vite dev` it runs on its own port.
const backend = process.env.BACKEND_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // In this repository, build @nozle/react from its sources (no SDK build needed first);
    // outside it the condition matches nothing and the published package is used.
    conditions: ['@nozle/source', ...defaultClientConditions],
  },
  server: { proxy: { '/api': backend } },
});
