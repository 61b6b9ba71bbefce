import type { INodePropertyOptions } from 'n8n-workflow';

import { AutomaNetPollTrigger } from '../../../nodes/AutomaNetPollTrigger/AutomaNetPollTrigger.node';

const { description } = new AutomaNetPollTrigger();

describe('poll trigger description', () => {
	test('polling node without inputs', () => {
		expect(description.name).toBe('automaNetPollTrigger');
		expect(description.polling).toBe(true);
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.credentials).toEqual([{ name: 'automaNetApi', required: true }]);
	});

	test('event offers the four events', () => {
		const event = description.properties.find((property) => property.name === 'event');
		const options = (event?.options ?? []) as INodePropertyOptions[];

		expect(event?.default).toBe('newRfq');
		expect(options.map((option) => option.value)).toEqual([
			'newOrder',
			'newRfq',
			'paymentStatusChanged',
			'quoteStatusChanged',
		]);
		const names = options.map((option) => option.name);
		expect(names).toEqual([...names].sort());
	});
});
