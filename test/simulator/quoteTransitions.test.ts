import { ERROR_CODE, PATH } from '../../nodes/shared/transport/wire';
import { startSimulator, type Simulator } from '../../simulator';
import { createApiClient } from './apiClient';
import { quoteInput } from './quoteInput';

type EndStatus = 'accepted' | 'declined' | 'expired';

let simulator: Simulator;

beforeAll(async () => {
	simulator = await startSimulator();
});

afterAll(async () => {
	await simulator.stop();
});

beforeEach(() => simulator.reset());

/** Creates and sends a quote, then has the buyer move it to `status`. Returns the quote id. */
async function quoteIn(status: EndStatus): Promise<string> {
	const client = createApiClient(simulator);
	const created = await client.post(PATH.quotes, quoteInput());
	expect(created.status).toBe(201);
	const quoteId = String(created.data.id);
	expect((await client.post(PATH.quoteSend(quoteId))).status).toBe(200);

	if (status === 'accepted')
		simulator.buyer.acceptQuote(quoteId, { paymentMethod: 'bank_transfer' });
	if (status === 'declined') simulator.buyer.declineQuote(quoteId, 'Too expensive');
	if (status === 'expired') simulator.buyer.expireQuote(quoteId);
	return quoteId;
}

const endStatuses: EndStatus[] = ['accepted', 'declined', 'expired'];

describe('simulator quote end states', () => {
	test.each(endStatuses)('send refused when %s', async (status) => {
		const quoteId = await quoteIn(status);

		const response = await createApiClient(simulator).post(PATH.quoteSend(quoteId));

		expect(response.status).toBe(409);
		expect(response.data.error).toEqual({
			code: ERROR_CODE.invalidState,
			message: `quote ${quoteId} is ${status}; only draft or sent quotes can be sent`,
		});
	});

	test.each(endStatuses)('put refused when %s', async (status) => {
		const quoteId = await quoteIn(status);

		const response = await createApiClient(simulator).put(PATH.quote(quoteId), quoteInput());

		expect(response.status).toBe(409);
		expect(response.data.error.message).toBe(
			`quote ${quoteId} is ${status}; only draft or sent quotes can be replaced`,
		);
	});

	test.each(endStatuses)('buyer cannot act again when %s', async (status) => {
		const quoteId = await quoteIn(status);

		expect(() => simulator.buyer.acceptQuote(quoteId)).toThrow('only sent quotes');
		expect(() => simulator.buyer.declineQuote(quoteId, 'no')).toThrow('only sent quotes');
		expect(() => simulator.buyer.expireQuote(quoteId)).toThrow('only sent quotes');
	});
});
