/**
 * Tests run the TypeScript sources directly (ts-jest, transpile only); `npm test` type-checks
 * the whole project first with `tsc`, so nothing is lost by skipping checks here.
 *
 * Two projects: `unit` (the pure rules, `*.spec.ts` beside the code: no database, milliseconds)
 * and `e2e` (`test/**\/*.test.ts`, through HTTP and the SDK, on every configured database).
 * `npm test` runs the unit project first.
 */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
};

/** @type {import('jest').Config} */
module.exports = {
  // Two cores: two workers keep both busy without starving the databases.
  maxWorkers: 2,
  // A global option (Jest ignores it inside a project): the e2e suites seed databases.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/server/src'],
      testMatch: ['**/*.spec.ts'],
      transform,
    },
    {
      displayName: 'e2e',
      // Node's, plus the listener leaks it warns about (see setupFilesAfterEnv).
      testEnvironment: '<rootDir>/test/helpers/leak-watching-environment.ts',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      // The scale-out suite needs MySQL/MariaDB and Redis: without both it has nothing to run,
      // and Jest refuses a file without tests, so it is not collected.
      testPathIgnorePatterns: [
        '/node_modules/',
        ...(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL
          ? []
          : ['/test/scale-out\\.test\\.ts$']),
      ],
      transform,
      globalSetup: '<rootDir>/test/helpers/global-setup.ts',
      // A listener leak (Node's MaxListenersExceededWarning) fails the suite that caused it.
      setupFilesAfterEnv: ['<rootDir>/test/helpers/no-listener-leaks.ts'],
      globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
    },
  ],
};
