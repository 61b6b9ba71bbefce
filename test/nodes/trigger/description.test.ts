import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodePropertyOptions } from 'n8n-workflow';

import { AutomaNetTrigger } from '../../../nodes/AutomaNetTrigger/AutomaNetTrigger.node';
import { ALL_EVENTS, EVENT_TYPES } from '../../../nodes/shared/transport/wire';

const description = new AutomaNetTrigger().description;

function property(name: string) {
	const found = description.properties.find((candidate) => candidate.name === name);
	if (!found) throw new Error(`No property ${name}`);
	return found;
}

describe('trigger description', () => {
	test('names and webhook path', () => {
		expect(description.name).toBe('automaNetTrigger');
		expect(description.displayName).toBe('Automa.Net Trigger');
		expect(description.webhooks?.map((webhook) => webhook.path)).toEqual(['automanet']);
		expect(description.webhooks?.[0].httpMethod).toBe('POST');
		expect(description.usableAsTool).toBeUndefined();
		expect(description.inputs).toEqual([]);
	});

	test('events cover every type', () => {
		const values = (property('events').options as INodePropertyOptions[]).map(
			(option) => option.value,
		);

		expect([...values].sort()).toEqual([ALL_EVENTS, ...EVENT_TYPES].sort());
	});

	test('event names sorted A-Z', () => {
		const names = (property('events').options as INodePropertyOptions[]).map(
			(option) => option.name,
		);

		expect(names).toEqual([...names].sort((left, right) => left.localeCompare(right)));
		expect(names).toContain('RFQ Received');
		expect(new Set(names).size).toBe(names.length);
	});

	test('registration defaults to automatic', () => {
		const registration = property('registration');
		const values = (registration.options as INodePropertyOptions[]).map((option) => option.value);

		expect(registration.default).toBe('automatic');
		expect(values).toEqual(['automatic', 'manual']);
	});

	test('raw delivery option off', () => {
		const options = property('options').options as Array<{ name: string; default: unknown }>;

		expect(options.map((option) => [option.name, option.default])).toEqual([
			['rawDelivery', false],
		]);
	});

	test('codex names the node', () => {
		const codexPath = path.join(
			__dirname,
			'../../../nodes/AutomaNetTrigger/AutomaNetTrigger.node.json',
		);
		const codex = JSON.parse(readFileSync(codexPath, 'utf8'));

		expect(codex.node).toBe('n8n-nodes-automanet.automaNetTrigger');
	});
});
