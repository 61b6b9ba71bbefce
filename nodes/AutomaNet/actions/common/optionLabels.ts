import type { INodePropertyOptions } from 'n8n-workflow';

/** Turns a wire value such as `new_no_box` into an editor label such as `New No Box`. */
export function labelFromValue(value: string): string {
	return value
		.split('_')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

/** Builds editor options for a list of wire values, sorted A-Z by label. */
export function optionsFromValues(values: readonly string[]): INodePropertyOptions[] {
	return values
		.map((value) => ({ name: labelFromValue(value), value }))
		.sort((left, right) => left.name.localeCompare(right.name));
}
