import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

// The wire names below (the default base URL, the Authorization header and the /me path) repeat
// nodes/shared/transport/wire.ts, because n8n reads credential properties as plain literals.
export class AutomaNetApi implements ICredentialType {
	name = 'automaNetApi';

	displayName = 'Automa.Net API';

	icon: Icon = {
		light: 'file:../nodes/AutomaNet/automanet.svg',
		dark: 'file:../nodes/AutomaNet/automanet.dark.svg',
	};

	documentationUrl = 'https://github.com/automanet/n8n-nodes-automanet#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key from Automa.Net under Settings, API integration',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.automa.net/v1',
			required: true,
			description:
				'Root of the Automa.Net API. Change it only for the sandbox, a proxy or the local simulator.',
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Secret of a webhook registered by hand in the Automa.Net dashboard. Leave empty when the trigger registers its webhook itself.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/me',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'The Automa.Net API key was rejected. Check the API key and the base URL.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'The base URL does not point at the Automa.Net API: GET /me returned 404. Check that the base URL ends with /v1.',
				},
			},
		],
	};
}
