import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One delivery as the receiver got it: the raw body bytes and the headers. */
export interface ReceivedRequest {
	rawBody: Buffer;
	headers: http.IncomingHttpHeaders;
}

export interface WebhookReceiver {
	url: string;
	received: ReceivedRequest[];
	/** Sets the statuses of the next responses, in order. After them the receiver responds 200. */
	respondWith(statuses: number[]): void;
	close(): Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1 that records every request it receives. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
	const received: ReceivedRequest[] = [];
	let statuses: number[] = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push({ rawBody: Buffer.concat(chunks), headers: request.headers });
			response.writeHead(statuses.shift() ?? 200);
			response.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		received,
		respondWith: (next) => {
			statuses = [...next];
		},
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
