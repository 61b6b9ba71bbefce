import type { SimulatorContext } from './context';
import { createId } from './ids';
import { clone, type Rfq, type RfqItem } from './models';

/** A partial RFQ, such as a fixture or a test's overrides. Missing fields get defaults. */
export type RfqDraft = Partial<Omit<Rfq, 'items' | 'buyer' | 'supplier'>> & {
	buyer?: Partial<Rfq['buyer']>;
	supplier?: Partial<Rfq['supplier']>;
	items?: Array<Partial<RfqItem>>;
};

const DEFAULT_ITEM: Omit<RfqItem, 'id'> = {
	partNumber: '6ES7214-1AG40-0XB0',
	brand: 'Siemens',
	quantity: 1,
	condition: 'new',
	description: 'SIMATIC S7-1200, CPU 1214C DC/DC/DC',
	targetUnitPrice: null,
};

const FOURTEEN_DAYS_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * Builds and stores an RFQ from a draft. The draft's id and number are kept when no stored RFQ
 * uses them, otherwise new ones are generated. Timestamps default to now.
 */
export function storeRfq(context: SimulatorContext, draft: RfqDraft = {}): Rfq {
	const { store } = context;
	const now = context.clock();
	const createdAt = draft.createdAt ?? now.toISOString();
	const numberTaken = [...store.rfqs.values()].some((rfq) => rfq.number === draft.number);
	const number = draft.number && !numberTaken ? draft.number : store.nextNumber('rfq');
	store.reserveNumber('rfq', number);

	const items = (draft.items && draft.items.length > 0 ? draft.items : [{}]).map(
		(item): RfqItem => ({ ...DEFAULT_ITEM, ...clone(item), id: item.id ?? createId('rfi') }),
	);
	const rfq: Rfq = {
		id: draft.id && !store.rfqs.has(draft.id) ? draft.id : createId('rfq'),
		number,
		direction: draft.direction ?? 'received',
		status: draft.status ?? 'open',
		createdAt,
		updatedAt: draft.updatedAt ?? createdAt,
		expiresAt:
			draft.expiresAt !== undefined
				? draft.expiresAt
				: new Date(Date.parse(createdAt) + FOURTEEN_DAYS_MS).toISOString(),
		buyer: {
			companyName: 'Noordveld Packaging B.V.',
			contactName: null,
			email: 'purchasing@noordveld.example',
			country: 'NL',
			...clone(draft.buyer ?? {}),
		},
		supplier: {
			companyName: 'Example Automation Parts Sp. z o.o.',
			country: 'PL',
			...clone(draft.supplier ?? {}),
		},
		deliveryCountry: draft.deliveryCountry !== undefined ? draft.deliveryCountry : 'NL',
		currency: draft.currency ?? 'EUR',
		message: draft.message ?? null,
		items,
	};
	store.rfqs.set(rfq.id, rfq);
	return rfq;
}
