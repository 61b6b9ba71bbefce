import { environmentWithoutNpmRun } from './child-processes';

export interface N8nInstanceSettings {
	/** Folder that n8n keeps its `.n8n` folder (database, config, community nodes) in. */
	userFolder: string;
	/** Port of the editor, REST API and webhooks, on 127.0.0.1. */
	port: number;
	/** Port of the broker that n8n's internal task runner connects to, on 127.0.0.1. */
	taskBrokerPort: number;
	encryptionKey: string;
}

/**
 * Builds the environment of an n8n 2.41 process (server or CLI command) that listens on
 * 127.0.0.1 only and makes no call outside this machine. Variable names are from n8n 2.41's
 * configuration classes (@n8n/config and @n8n/backend-common).
 */
export function n8nEnvironment(settings: N8nInstanceSettings): NodeJS.ProcessEnv {
	const baseUrl = `http://127.0.0.1:${settings.port}/`;
	return {
		...environmentWithoutNpmRun(),
		// Jest sets NODE_ENV=test, under which n8n loads its modules from TypeScript sources.
		NODE_ENV: 'production',
		N8N_USER_FOLDER: settings.userFolder,
		N8N_ENCRYPTION_KEY: settings.encryptionKey,
		DB_TYPE: 'sqlite',

		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(settings.port),
		N8N_PROTOCOL: 'http',
		N8N_WEBHOOK_URL: baseUrl,
		N8N_EDITOR_BASE_URL: baseUrl,
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(settings.taskBrokerPort),
		// The auth cookie travels over plain HTTP on loopback.
		N8N_SECURE_COOKIE: 'false',

		// Calls to n8n's own services: telemetry, version checks, templates, banners, license
		// renewal, the MCP server registry and AI features.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',

		// Community packages load from <user folder>/.n8n/nodes. This package is not on n8n's
		// verified list, so unverified packages must stay allowed.
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_LOG_LEVEL: 'info',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		// Saved executions are what the summary and the end-to-end test read back.
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
	};
}
