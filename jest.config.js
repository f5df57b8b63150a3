/** Jest runs the TypeScript tests as ESM through ts-jest (transpile only; `npm run typecheck` type-checks). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 60000,
  // a real Elasticsearch for test/integration: ES_URL when set, else a local node (scripts/elasticsearch)
  globalSetup: '<rootDir>/test/setup/es-global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/es-global-teardown.ts',
};
