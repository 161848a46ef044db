// See test/support/jest-transform.cjs for why the suite runs as CommonJS.
const common = {
  transform: { '^.+\\.(tsx?|jsx?|mjs|cjs)$': '<rootDir>/test/support/jest-transform.cjs' },
  transformIgnorePatterns: [],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/config/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/src/ui/'],
    },
    {
      ...common,
      displayName: 'integration',
      // Each file boots real apps (model load, migrations, servers); a loaded 2-core machine needs room.
      testTimeout: 60_000,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
    },
  ],
};
