import type { z } from 'zod';
import type { ApiErrorDetail } from '../nodes/shared/transport/wire';

import { validationFailed } from './apiError';

/** Formats a zod path as the API's field path, for example `items[0].unitPrice`. */
export function formatFieldPath(path: Array<string | number>): string {
	let field = '';
	for (const segment of path) {
		if (typeof segment === 'number') field += `[${segment}]`;
		else field += field === '' ? segment : `.${segment}`;
	}
	return field;
}

function describeIssue(issue: z.ZodIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			if (issue.received === 'undefined') return 'is required';
			if (issue.expected === 'integer') return 'must be an integer';
			return `must be ${issue.expected === 'array' ? 'an array' : `a ${issue.expected}`}`;
		case 'too_small':
			if (issue.type === 'string') return 'must not be empty';
			if (issue.type === 'array') return `must have at least ${String(issue.minimum)} entries`;
			return `must be ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}`;
		case 'too_big':
			if (issue.type === 'string') return `must be at most ${String(issue.maximum)} characters`;
			if (issue.type === 'array') return `must have at most ${String(issue.maximum)} entries`;
			return `must be ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}`;
		case 'invalid_enum_value':
			return `must be one of ${issue.options.join(', ')}`;
		case 'invalid_string':
			if (issue.validation === 'email') return 'must be a valid email address';
			if (issue.validation === 'regex') return issue.message;
			return `must be a valid ${String(issue.validation)}`;
		case 'not_finite':
			return 'must be a finite number';
		default:
			return issue.message;
	}
}

/** Converts zod issues to the API's `details` entries; an unknown key gets one entry of its own. */
export function issuesToDetails(issues: z.ZodIssue[]): ApiErrorDetail[] {
	const details: ApiErrorDetail[] = [];
	for (const issue of issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				details.push({
					field: formatFieldPath([...issue.path, key]),
					message: 'is not a known field',
				});
			}
			continue;
		}
		details.push({ field: formatFieldPath(issue.path), message: describeIssue(issue) });
	}
	return details;
}

/** Parses a request body with a schema; throws a 422 `validation_failed` listing every field. */
export function parseBody<Schema extends z.ZodTypeAny>(
	schema: Schema,
	body: unknown,
): z.infer<Schema> {
	const result = schema.safeParse(body);
	if (!result.success) throw validationFailed(issuesToDetails(result.error.issues));
	return result.data;
}
