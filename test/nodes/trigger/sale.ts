import type { AxiosInstance } from 'axios';

import type { Simulator } from '../../../simulator';
import { PATH } from '../../../nodes/shared/transport/wire';
import { createApiClient } from '../../simulator/apiClient';
import { quoteInput } from '../../simulator/quoteInput';

async function createSentQuote(api: AxiosInstance): Promise<string> {
	const created = await api.post(PATH.quotes, quoteInput());
	if (created.status !== 201) throw new Error(`Create Quote failed with ${created.status}`);
	const quoteId = String(created.data.id);
	const sent = await api.post(PATH.quoteSend(quoteId), {});
	if (sent.status !== 200) throw new Error(`Send Quote failed with ${sent.status}`);
	return quoteId;
}

/**
 * Plays a bank-transfer sale and two lost quotes on the simulator, so that it emits each of the
 * nine event types at least once, then waits until every delivery is done.
 */
export async function playEveryEvent(sim: Simulator): Promise<void> {
	const api = createApiClient(sim);
	sim.buyer.postRfq();

	const wonQuoteId = await createSentQuote(api);
	sim.buyer.openQuote(wonQuoteId, 'email');
	const { order } = sim.buyer.acceptQuote(wonQuoteId, { paymentMethod: 'bank_transfer' });
	const accepted = await api.post(PATH.orderAccept(order.id), {});
	if (accepted.status !== 200) throw new Error(`Accept Order failed with ${accepted.status}`);
	const payment = sim.state().payments.find((candidate) => candidate.orderId === order.id);
	if (!payment) throw new Error(`No payment was created for order ${order.id}`);
	sim.buyer.setPaymentStatus(payment.id, 'paid');

	sim.buyer.declineQuote(await createSentQuote(api), 'Lead time too long');
	sim.buyer.expireQuote(await createSentQuote(api));

	await sim.deliveryQueueIdle();
}
