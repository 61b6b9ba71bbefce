import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

/*
 * These guards check an error's shape instead of using `instanceof`. When the package is
 * installed with its own copy of n8n-workflow (npm puts one under ~/.n8n/nodes/node_modules
 * unless peer dependencies are skipped), n8n-core throws errors built from n8n's copy, and
 * `instanceof` against our import is false for them.
 *
 * n8n-workflow 2.41 sets `name` to the class name in ExecutionBaseError's constructor. Every
 * NodeError has `node` and `messages`, and a NodeApiError also has `httpCode` (null when the
 * request got no response).
 */

interface NodeErrorShape extends Error {
	node: unknown;
	messages: unknown;
}

function hasNodeErrorShape(error: unknown, name: string): error is NodeErrorShape {
	if (!error || typeof error !== 'object') return false;
	const candidate = error as Partial<NodeErrorShape>;
	return (
		candidate.name === name &&
		typeof candidate.message === 'string' &&
		typeof candidate.node === 'object' &&
		candidate.node !== null &&
		Array.isArray(candidate.messages)
	);
}

/** Checks whether the error is a NodeApiError from any copy of n8n-workflow. */
export function isNodeApiError(error: unknown): error is NodeApiError {
	return hasNodeErrorShape(error, 'NodeApiError') && 'httpCode' in error;
}

/** Checks whether the error is a NodeOperationError from any copy of n8n-workflow. */
export function isNodeOperationError(error: unknown): error is NodeOperationError {
	return hasNodeErrorShape(error, 'NodeOperationError');
}
