/** End-to-end tests: a real n8n process with the packed package, against the simulator. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: true }] },
	testTimeout: 900000,
	maxWorkers: 1,
};
