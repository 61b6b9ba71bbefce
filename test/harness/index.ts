export { createAdditionalData } from './additionalData';
export type { AdditionalDataOptions } from './additionalData';
export { HarnessCredentialsHelper } from './credentialsHelper';
export { setUpN8nEnvironment } from './n8nEnvironment';
export { HarnessNodeTypes, PACKAGE_NAME, nodeTypeName } from './nodeTypes';
export { RecordingLogger } from './recordingLogger';
export type { LogRecord, LogLevel } from './recordingLogger';
export { CREDENTIAL_TYPE, runNode } from './runNode';
export type {
	AutomaNetCredentialData,
	NodeSettings,
	RunNodeOptions,
	RunNodeResult,
} from './runNode';
