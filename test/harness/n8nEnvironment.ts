import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';

import { RecordingLogger } from './recordingLogger';

let logger: RecordingLogger | undefined;

/**
 * Prepares the process-wide state that n8n-core expects from its CLI, once per test file. It
 * points N8N_USER_FOLDER at a temporary folder, because InstanceSettings writes an encryption key
 * file there on first use. It registers one RecordingLogger as the DI Logger (what `this.logger`
 * returns in a node) and behind n8n-workflow's LoggerProxy (what WorkflowExecute logs to).
 */
export function setUpN8nEnvironment(): RecordingLogger {
	if (logger) return logger;

	if (!process.env.N8N_USER_FOLDER) {
		process.env.N8N_USER_FOLDER = mkdtempSync(path.join(tmpdir(), 'automanet-n8n-'));
	}
	logger = new RecordingLogger();
	Container.set(Logger, logger as unknown as Logger);
	LoggerProxy.init(logger);
	return logger;
}
