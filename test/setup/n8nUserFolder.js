// One temporary N8N_USER_FOLDER for the whole jest run: n8n-core's InstanceSettings writes an
// encryption key file there. Test workers inherit the variable; the teardown removes the folder.
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

async function createUserFolder() {
	if (process.env.N8N_USER_FOLDER) return;
	const folder = mkdtempSync(path.join(tmpdir(), 'automanet-n8n-'));
	process.env.N8N_USER_FOLDER = folder;
	process.env.AUTOMANET_TEST_USER_FOLDER = folder;
}

async function removeUserFolder() {
	const folder = process.env.AUTOMANET_TEST_USER_FOLDER;
	if (folder) rmSync(folder, { recursive: true, force: true });
}

module.exports = { createUserFolder, removeUserFolder };
