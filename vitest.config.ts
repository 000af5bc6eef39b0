import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code they test. The JSON report feeds the final line of .ci/run.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts', 'bridge/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    reporters: ['default', ['json', { outputFile: 'reports/unit.json' }]],
  },
});
