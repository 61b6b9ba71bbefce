import type {
	CredentialInformation,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper, UnexpectedError, isExpression } from 'n8n-workflow';
import { Credentials } from 'n8n-core';

import { AutomaNetApi } from '../../credentials/AutomaNetApi.credentials';

/**
 * The credentials helper that n8n's CLI normally supplies, reduced to what a test needs. It
 * returns the credential data the test set, with the credential type's defaults filled in as
 * n8n does when it decrypts. It applies the type's `authenticate` the way n8n's CredentialsHelper
 * does: a generic one has its keys and values resolved as expressions with `$credentials` by the
 * workflow's own expression engine, so n8n really builds `Authorization: Bearer <key>`.
 *
 * NOTE: expressions inside the credential data itself (e.g. an API key `={{$secrets...}}`) are
 * not resolved, and preAuthentication does nothing. The automaNetApi credential uses neither.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	private readonly data = new Map<string, ICredentialDataDecryptedObject>();

	constructor(credentialTypes: ICredentialType[] = [new AutomaNetApi()]) {
		super();
		for (const credentialType of credentialTypes)
			this.types.set(credentialType.name, credentialType);
	}

	/** Sets the decrypted data of a credential type; undefined removes it. */
	setCredentials(typeName: string, data: ICredentialDataDecryptedObject | undefined): void {
		if (data === undefined) this.data.delete(typeName);
		else this.data.set(typeName, { ...data });
	}

	getCredentialType(typeName: string): ICredentialType {
		const credentialType = this.types.get(typeName);
		if (!credentialType) throw new UnexpectedError(`Unknown credential type "${typeName}"`);
		return credentialType;
	}

	/** Returns the data of a credential type with unset properties at their defaults. */
	withDefaults(
		typeName: string,
		data: ICredentialDataDecryptedObject,
	): ICredentialDataDecryptedObject {
		const result: ICredentialDataDecryptedObject = {};
		for (const property of this.getCredentialType(typeName).properties) {
			result[property.name] = property.default as CredentialInformation;
		}
		for (const [key, value] of Object.entries(data)) {
			if (value !== undefined) result[key] = value;
		}
		return result;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data.get(typeName);
		if (!data) {
			throw new UnexpectedError(`No "${typeName}" credential was set in the test harness`);
		}
		return this.withDefaults(typeName, data);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingOptions as IHttpRequestOptions;
		const { authenticate } = this.getCredentialType(typeName);
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);

		if (!workflow || !node) {
			throw new UnexpectedError('A generic authenticate needs the workflow and the node');
		}
		const resolve = (value: string): string => {
			if (!isExpression(value)) return value;
			const resolved = workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
			return resolved ? String(resolved) : '';
		};

		requestOptions.headers ??= {};
		const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
		for (const [section, entries] of Object.entries(authenticate.properties)) {
			target[section] ??= {};
			for (const [key, value] of Object.entries(entries as Record<string, string>)) {
				target[section][resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	getParentTypes(typeName: string): string[] {
		return this.types.get(typeName)?.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		typeName: string,
	): Promise<Credentials> {
		return new Credentials({ id: nodeCredentials.id, name: nodeCredentials.name }, typeName, '');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(typeName: string): INodeProperties[] {
		return this.getCredentialType(typeName).properties;
	}
}
