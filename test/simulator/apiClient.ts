import axios, { type AxiosInstance } from 'axios';

import type { Simulator } from '../../simulator';

/** Creates an axios client for the simulator's API that returns every status instead of throwing. */
export function createApiClient(
	simulator: Simulator,
	apiKey: string = simulator.apiKey,
): AxiosInstance {
	return axios.create({
		baseURL: simulator.url,
		headers: { Authorization: `Bearer ${apiKey}` },
		validateStatus: () => true,
		proxy: false,
	});
}

/** Creates an axios client for the simulator's admin routes. */
export function createAdminClient(simulator: Simulator): AxiosInstance {
	return axios.create({ baseURL: simulator.adminUrl, validateStatus: () => true, proxy: false });
}
