import axios from 'axios';

import { PATH } from '../../../nodes/shared/transport/wire';
import { PollTestBed } from '../../harness/pollTestBed';

let bed: PollTestBed;

beforeEach(async () => {
	bed = await PollTestBed.start();
});

afterEach(async () => {
	await bed.stop();
});

describe('poll trigger, manual run', () => {
	test('sample is the newest received RFQ', async () => {
		const trigger = bed.trigger('newRfq');

		const manual = await trigger.runManual();

		expect(manual.items.map((item) => item.id)).toEqual(['rfq_2Qw8zT5']);
		expect(manual.items[0].number).toEqual(expect.any(String));
		expect(trigger.nodeStaticData()).toEqual({});
	});

	test('manual run leaves the cursor alone', async () => {
		const trigger = bed.trigger('newRfq');
		await trigger.poll();
		const cursorBefore = JSON.stringify(trigger.nodeStaticData());
		const posted = bed.sim.buyer.postRfq();

		const manual = await trigger.runManual();
		const cursorAfterManual = JSON.stringify(trigger.nodeStaticData());
		const scheduled = await trigger.poll();

		expect(manual.items.map((item) => item.id)).toEqual([posted.id]);
		expect(cursorAfterManual).toBe(cursorBefore);
		expect(scheduled.items.map((item) => item.id)).toEqual([posted.id]);
	});

	test('quote sample prefers a changed status', async () => {
		const [sentQuote] = bed.sim.seed.quotes(1);
		await axios.post(
			`${bed.sim.url}${PATH.quoteSend(sentQuote.id)}`,
			{},
			{ headers: { Authorization: `Bearer ${bed.sim.apiKey}` } },
		);
		// A draft updated after the sent quote: the newest record, but not a status change.
		bed.sim.seed.quotes(1);
		const trigger = bed.trigger('quoteStatusChanged');

		const manual = await trigger.runManual();

		expect(manual.items).toHaveLength(1);
		expect(manual.items[0].id).toBe(sentQuote.id);
		expect(manual.items[0].status).toBe('sent');
		expect(manual.items[0].previousStatus).toBeNull();
	});

	test('no orders gives no sample', async () => {
		const trigger = bed.trigger('newOrder');

		const manual = await trigger.runManual();

		expect(manual.items).toEqual([]);
		expect(trigger.nodeStaticData()).toEqual({});
	});
});
