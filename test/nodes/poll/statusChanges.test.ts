import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { MAX_TRACKED_STATUSES } from '../../../nodes/AutomaNetPollTrigger/selectStatusChanges';
import { PATH } from '../../../nodes/shared/transport/wire';
import { PollTestBed } from '../../harness/pollTestBed';
import type { PollTriggerHarness } from '../../harness/pollTrigger';

let bed: PollTestBed;

beforeEach(async () => {
	bed = await PollTestBed.start();
});

afterEach(async () => {
	await bed.stop();
});

/** Sends a request to the simulator's supplier API, as the action node would. */
async function supplierRequest(method: 'GET' | 'POST' | 'PATCH', path: string, body?: object) {
	const response = await axios.request<IDataObject>({
		method,
		url: `${bed.sim.url}${path}`,
		data: body,
		headers: { Authorization: `Bearer ${bed.sim.apiKey}` },
	});
	return response.data;
}

async function sendQuote(quoteId: string): Promise<void> {
	await supplierRequest('POST', PATH.quoteSend(quoteId), {});
}

/** Returns the id, status and previousStatus of each emitted item, in order. */
function changesOf(items: IDataObject[]): Array<[string, string, string | null]> {
	return items.map((item) => [
		String(item.id),
		String(item.status),
		(item.previousStatus as string | null) ?? null,
	]);
}

async function activate(trigger: PollTriggerHarness): Promise<void> {
	const first = await trigger.poll();
	expect(first.error).toBeUndefined();
	expect(first.emitted).toBe(false);
}

describe('poll trigger, quote status changes', () => {
	test('sent, opened, accepted and declined', async () => {
		const [existing] = bed.sim.seed.quotes(1);
		await sendQuote(existing.id);
		const trigger = bed.trigger('quoteStatusChanged');
		await activate(trigger);

		const [created] = bed.sim.seed.quotes(1);
		const afterCreate = await trigger.poll();
		await sendQuote(created.id);
		const afterSend = await trigger.poll();
		bed.sim.buyer.openQuote(created.id);
		const afterOpen = await trigger.poll();
		bed.sim.buyer.acceptQuote(existing.id);
		bed.sim.buyer.declineQuote(created.id, 'Lead time too long');
		const afterBuyer = await trigger.poll();

		expect(afterCreate.emitted).toBe(false);
		expect(changesOf(afterSend.items)).toEqual([[created.id, 'sent', 'draft']]);
		expect(afterOpen.emitted).toBe(false);
		expect(changesOf(afterBuyer.items)).toEqual([
			[existing.id, 'accepted', 'sent'],
			[created.id, 'declined', 'sent'],
		]);
		expect(afterBuyer.items[0].total).toBe(existing.total);
	});

	test('unseen quote with changed status', async () => {
		const trigger = bed.trigger('quoteStatusChanged');
		await activate(trigger);
		const [quote] = bed.sim.seed.quotes(1);
		await sendQuote(quote.id);

		const second = await trigger.poll();

		expect(changesOf(second.items)).toEqual([[quote.id, 'sent', null]]);
	});

	test('quote moved mid-walk loses none', async () => {
		const trigger = bed.trigger('quoteStatusChanged');
		await activate(trigger);
		const quotes = bed.sim.seed.quotes(150);
		for (const quote of quotes) await sendQuote(quote.id);
		// After the first page, the buyer accepts the first quote of that page: its updatedAt
		// moves it to the end of the list, and every later quote moves up one place.
		bed.afterListRequest(PATH.quotes, 1, () => bed.sim.buyer.acceptQuote(quotes[0].id));

		const second = await trigger.poll();
		const third = await trigger.poll();

		const sentIds = second.items.filter((item) => item.status === 'sent').map((item) => item.id);
		expect(sentIds).toEqual(quotes.map((quote) => quote.id));
		expect(changesOf(second.items.filter((item) => item.status !== 'sent'))).toEqual([
			[quotes[0].id, 'accepted', 'sent'],
		]);
		expect(third.emitted).toBe(false);
	});

	test('150 quotes at one timestamp cross pages', async () => {
		const trigger = bed.trigger('quoteStatusChanged');
		await activate(trigger);
		const quotes = bed.sim.seed.quotes(150);
		bed.clock.freeze();
		for (const quote of quotes) await sendQuote(quote.id);
		bed.clock.resume();

		const second = await trigger.poll();
		const third = await trigger.poll();

		const ids = second.items.map((item) => String(item.id));
		expect(new Set(ids).size).toBe(150);
		expect(new Set(ids)).toEqual(new Set(quotes.map((quote) => quote.id)));
		expect(third.emitted).toBe(false);
	});

	test('status map keeps the newest entries', async () => {
		const trigger = bed.trigger('quoteStatusChanged');
		await activate(trigger);
		const quotes = bed.sim.seed.quotes(MAX_TRACKED_STATUSES + 5);

		const second = await trigger.poll();

		expect(second.emitted).toBe(false);
		const node = trigger.savedStaticData()['node:Automa.Net Poll Trigger'] as IDataObject;
		const statuses = (node.cursor as IDataObject).statuses as IDataObject;
		expect(Object.keys(statuses)).toHaveLength(MAX_TRACKED_STATUSES);
		expect(statuses[quotes[0].id]).toBeUndefined();
		expect(statuses[quotes[quotes.length - 1].id]).toBe('draft');
	});
});

describe('poll trigger, payment status changes', () => {
	test('paid then failed, each once', async () => {
		const [payment] = bed.sim.seed.payments(1);
		const trigger = bed.trigger('paymentStatusChanged');
		await activate(trigger);

		bed.sim.buyer.setPaymentStatus(payment.id, 'paid');
		const afterPaid = await trigger.poll();
		const quiet = await trigger.poll();
		await supplierRequest('PATCH', PATH.payment(payment.id), { status: 'failed' });
		const afterFailed = await trigger.poll();

		expect(changesOf(afterPaid.items)).toEqual([[payment.id, 'paid', 'pending']]);
		expect(afterPaid.items[0].paidAt).toEqual(expect.any(String));
		expect(quiet.emitted).toBe(false);
		expect(changesOf(afterFailed.items)).toEqual([[payment.id, 'failed', 'paid']]);
	});

	test('new pending payment is no change', async () => {
		const trigger = bed.trigger('paymentStatusChanged');
		await activate(trigger);
		const [order] = bed.sim.seed.orders(1);
		await supplierRequest('POST', PATH.orderAccept(order.id), {});
		const payment = bed.sim.state().payments.find((candidate) => candidate.orderId === order.id);
		expect(payment?.status).toBe('pending');

		const afterCreate = await trigger.poll();
		bed.sim.buyer.setPaymentStatus(payment?.id ?? '', 'paid');
		const afterPaid = await trigger.poll();

		expect(afterCreate.emitted).toBe(false);
		expect(changesOf(afterPaid.items)).toEqual([[payment?.id, 'paid', 'pending']]);
	});
});
