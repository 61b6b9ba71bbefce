import { createServer } from 'node:net';

/**
 * Gets a free TCP port on 127.0.0.1 from the kernel and releases it for the caller to bind.
 * NOTE: another process may take the port between this call and the caller's bind.
 */
export async function findFreePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			if (address === null || typeof address === 'string') {
				server.close();
				reject(new Error('Failed to read the port of a probe socket on 127.0.0.1'));
				return;
			}
			server.close(() => resolve(address.port));
		});
	});
}
