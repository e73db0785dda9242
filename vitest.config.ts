import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'],
    environment: 'node',
    globalSetup: ['test/helpers/vitest-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Tests that start servers or spawn processes are independent; 2 cores, so 2 workers.
    maxWorkers: 2,
  },
});
