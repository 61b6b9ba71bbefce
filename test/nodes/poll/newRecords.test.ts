import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { PATH } from '../../../nodes/shared/transport/wire';
import { MAX_REQUESTS_PER_POLL } from '../../../nodes/AutomaNetPollTrigger/pollForChanges';
import { PollTestBed } from '../../harness/pollTestBed';
import { PollTriggerHarness } from '../../harness/pollTrigger';

const RFQS = PATH.rfqs('received');
/** Newest received RFQ among the simulator's fixtures. */
const NEWEST_FIXTURE_RFQ = { id: 'rfq_2Qw8zT5', createdAt: '2026-11-03T13:02:17Z' };

let bed: PollTestBed;

beforeEach(async () => {
	bed = await PollTestBed.start();
});

afterEach(async () => {
	await bed.stop();
});

function idsOf(items: IDataObject[]): string[] {
	return items.map((item) => String(item.id));
}

/** Fails when an id occurs twice, naming it. */
function expectNoRepeats(ids: string[]): void {
	const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
	expect(repeated).toEqual([]);
}

/** Runs the first poll, which only places the cursor, and checks that it emitted nothing. */
async function activate(trigger: PollTriggerHarness): Promise<void> {
	const first = await trigger.poll();
	expect(first.error).toBeUndefined();
	expect(first.emitted).toBe(false);
}

describe('poll trigger, new records', () => {
	test('first poll emits nothing old', async () => {
		const trigger = bed.trigger('newRfq');

		const first = await trigger.poll();

		expect(first.error).toBeUndefined();
		expect(first.emitted).toBe(false);
		expect(first.items).toEqual([]);
		expect(first.saved).toBe(true);
		expect(trigger.savedStaticData()).toEqual({
			'node:Automa.Net Poll Trigger': {
				cursor: {
					event: 'newRfq',
					at: NEWEST_FIXTURE_RFQ.createdAt,
					idsAt: [NEWEST_FIXTURE_RFQ.id],
					statuses: {},
				},
			},
		});
	});

	test('quiet poll emits and saves nothing', async () => {
		const trigger = bed.trigger('newRfq');
		await activate(trigger);
		const requestsBefore = bed.listRequests(RFQS).length;

		const quiet = await trigger.poll();

		expect(quiet.error).toBeUndefined();
		expect(quiet.emitted).toBe(false);
		expect(quiet.saved).toBe(false);
		const requests = bed.listRequests(RFQS).slice(requestsBefore);
		expect(requests).toHaveLength(1);
		expect(requests[0].query).toEqual({
			page: '1',
			perPage: '100',
			sort: 'createdAt',
			createdFrom: NEWEST_FIXTURE_RFQ.createdAt,
		});
	});

	test('new RFQs emitted once, oldest first', async () => {
		const trigger = bed.trigger('newRfq');
		await activate(trigger);
		const posted = [bed.sim.buyer.postRfq(), bed.sim.buyer.postRfq(), bed.sim.buyer.postRfq()];

		const second = await trigger.poll();
		const third = await trigger.poll();

		expect(second.error).toBeUndefined();
		expect(idsOf(second.items)).toEqual(posted.map((rfq) => rfq.id));
		expect(second.items[0].number).toBe(posted[0].number);
		expect(third.emitted).toBe(false);
	});

	test('sent RFQs never emitted', async () => {
		const trigger = bed.trigger('newRfq');
		await activate(trigger);
		bed.sim.buyer.postRfq({ direction: 'sent' });
		const received = bed.sim.buyer.postRfq();

		const second = await trigger.poll();

		expect(idsOf(second.items)).toEqual([received.id]);
	});

	test('150 RFQs at one timestamp cross pages', async () => {
		const trigger = bed.trigger('newRfq');
		await activate(trigger);
		const sharedTime = bed.clock.freeze();
		const seeded = bed.sim.seed.rfqs(150);
		bed.clock.resume();
		expect(new Set(seeded.map((rfq) => rfq.createdAt))).toEqual(new Set([sharedTime]));
		const requestsBefore = bed.listRequests(RFQS).length;

		const second = await trigger.poll();
		const third = await trigger.poll();

		const ids = idsOf(second.items);
		expectNoRepeats(ids);
		expect(new Set(ids)).toEqual(new Set(seeded.map((rfq) => rfq.id)));
		expect(third.emitted).toBe(false);
		const requests = bed.listRequests(RFQS).slice(requestsBefore);
		expect(requests.every((request) => request.query.perPage === '100')).toBe(true);
		expect(requests.some((request) => request.query.page === '2')).toBe(true);
	});

	test('RFQs inserted mid-walk at one timestamp', async () => {
		const trigger = bed.trigger('newRfq');
		await activate(trigger);
		bed.clock.freeze();
		const seeded = bed.sim.seed.rfqs(150);
		const inserted: string[] = [];
		// Ids that sort first and last among the 150: the first one shifts every record of the
		// timestamp by one place while the walk is between its two pages.
		bed.afterListRequest(RFQS, 1, () => {
			inserted.push(bed.sim.buyer.postRfq({ id: 'rfq_000000000000' }).id);
			inserted.push(bed.sim.buyer.postRfq({ id: 'rfq_zzzzzzzzzzzz' }).id);
		});

		const second = await trigger.poll();
		const third = await trigger.poll();
		const fourth = await trigger.poll();
		bed.clock.resume();

		expect(inserted).toEqual(['rfq_000000000000', 'rfq_zzzzzzzzzzzz']);
		const ids = [...idsOf(second.items), ...idsOf(third.items), ...idsOf(fourth.items)];
		expectNoRepeats(ids);
		expect(new Set(ids)).toEqual(new Set([...seeded.map((rfq) => rfq.id), ...inserted]));
		expect(fourth.emitted).toBe(false);
	});

	test('RFQ created during a poll', async () => {
		const trigger = bed.trigger('newRfq');
		await activate(trigger);
		const seeded = bed.sim.seed.rfqs(120);
		let during = '';
		bed.afterListRequest(RFQS, 1, () => {
			during = bed.sim.buyer.postRfq().id;
		});

		const second = await trigger.poll();
		const third = await trigger.poll();

		const ids = [...idsOf(second.items), ...idsOf(third.items)];
		expectNoRepeats(ids);
		expect(ids).toEqual([...seeded.map((rfq) => rfq.id), during]);
	});

	test('walk stops at request bound, resumes', async () => {
		const trigger = bed.trigger('newRfq');
		await activate(trigger);
		const total = MAX_REQUESTS_PER_POLL * 100 + 100;
		const seeded = bed.sim.seed.rfqs(total);
		const requestsBefore = bed.listRequests(RFQS).length;

		const second = await trigger.poll();
		const requestsOfSecond = bed.listRequests(RFQS).length - requestsBefore;
		const third = await trigger.poll();

		expect(requestsOfSecond).toBe(MAX_REQUESTS_PER_POLL);
		expect(second.items.length).toBeLessThan(total);
		expect(trigger.logger.lines('info')).toContain(
			'Automa.Net poll trigger stopped at its request limit; the next poll continues',
		);
		const ids = [...idsOf(second.items), ...idsOf(third.items)];
		expectNoRepeats(ids);
		expect(ids).toEqual(seeded.map((rfq) => rfq.id));
	});

	test('poll budget stops walk after one page', async () => {
		const trigger = bed.trigger('newRfq', { pollBudgetMs: 1 });
		await activate(trigger);
		const seeded = bed.sim.seed.rfqs(250);
		// Each request takes at least 5 ms, longer than half the 1 ms budget.
		bed.sim.faults.delayNext(10, 5);
		const requestsBefore = bed.listRequests(RFQS).length;

		const polls = [await trigger.poll(), await trigger.poll(), await trigger.poll()];

		expect(bed.listRequests(RFQS).length - requestsBefore).toBe(3);
		expect(polls.map((poll) => poll.items.length)).toEqual([99, 99, 52]);
		const ids = polls.flatMap((poll) => idsOf(poll.items));
		expect(ids).toEqual(seeded.map((rfq) => rfq.id));
	});

	test('error mid-walk moves no cursor', async () => {
		const trigger = bed.trigger('newRfq');
		await activate(trigger);
		const cursorBefore = trigger.savedStaticData();
		const seeded = bed.sim.seed.rfqs(150);
		bed.afterListRequest(RFQS, 1, () => bed.sim.faults.failNext(1, 403));

		const failed = await trigger.poll();

		expect(failed.error).toBeInstanceOf(NodeApiError);
		expect((failed.error as NodeApiError).httpCode).toBe('403');
		expect(failed.emitted).toBe(false);
		expect(failed.saved).toBe(false);
		expect(trigger.savedStaticData()).toEqual(cursorBefore);

		const retried = await trigger.poll();

		expect(idsOf(retried.items)).toEqual(seeded.map((rfq) => rfq.id));
	});

	test('rate limit mid-walk retried', async () => {
		const trigger = bed.trigger('newRfq');
		await activate(trigger);
		const seeded = bed.sim.seed.rfqs(150);
		bed.afterListRequest(RFQS, 1, () => bed.sim.faults.failNext(1, 429, { retryAfterSeconds: 1 }));

		const second = await trigger.poll();

		expect(second.error).toBeUndefined();
		expect(idsOf(second.items)).toEqual(seeded.map((rfq) => rfq.id));
		const statuses = bed.listRequests(RFQS).map((request) => request.status);
		expect(statuses.filter((status) => status === 429)).toHaveLength(1);
	});

	test('wrong API key rejected', async () => {
		const trigger = new PollTriggerHarness({
			parameters: { event: 'newRfq' },
			credentials: { apiKey: 'wrong_key', baseUrl: bed.sim.url },
		});

		const first = await trigger.poll();

		expect(first.error).toBeInstanceOf(NodeApiError);
		expect(first.error?.message).toBe('The Automa.Net API key was rejected');
		expect(first.saved).toBe(false);
		expect(trigger.savedStaticData()).toEqual({});
	});

	test('cursor survives static data save and restore', async () => {
		const before = bed.trigger('newRfq');
		await activate(before);
		const first = bed.sim.buyer.postRfq();
		expect(idsOf((await before.poll()).items)).toEqual([first.id]);

		const restored = bed.trigger('newRfq', { staticData: before.savedStaticData() });
		const second = bed.sim.buyer.postRfq();
		const afterRestore = await restored.poll();

		expect(idsOf(afterRestore.items)).toEqual([second.id]);
	});

	test('cursor of another event is replaced', async () => {
		const rfqTrigger = bed.trigger('newRfq');
		await activate(rfqTrigger);
		const orderTrigger = bed.trigger('newOrder', { staticData: rfqTrigger.savedStaticData() });

		const first = await orderTrigger.poll();

		expect(first.emitted).toBe(false);
		const node = orderTrigger.savedStaticData()['node:Automa.Net Poll Trigger'] as IDataObject;
		expect(node.cursor).toEqual({ event: 'newOrder', at: '', idsAt: [], statuses: {} });
	});

	test('new orders emitted after an empty start', async () => {
		const trigger = bed.trigger('newOrder');
		await activate(trigger);
		const orders = bed.sim.seed.orders(2);

		const second = await trigger.poll();
		const third = await trigger.poll();

		expect(idsOf(second.items)).toEqual(orders.map((order) => order.id));
		expect(second.items[0].status).toBe('received');
		expect(third.emitted).toBe(false);
	});
});
