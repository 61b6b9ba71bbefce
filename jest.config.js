/** Everyday tests: unit, simulator over loopback HTTP and in-process workflow runs. */
// ts-jest only transpiles (isolatedModules); `npm run build` type-checks everything with tsc.
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: true }] },
	testTimeout: 30000,
	globalSetup: '<rootDir>/test/setup/globalSetup.js',
	globalTeardown: '<rootDir>/test/setup/globalTeardown.js',
};
