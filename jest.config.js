/**
 * Tests run the TypeScript sources directly (ts-jest, transpile only); `npm test` type-checks
 * the whole project first with `tsc`, so nothing is lost by skipping checks here.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
  testTimeout: 120000,
  // Two cores: two workers keep both busy without starving the databases.
  maxWorkers: 2,
};
