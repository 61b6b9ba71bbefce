/** A parsed request as route handlers see it. */
export interface RouteRequest {
	method: string;
	/** Path inside the mounted prefix, such as `/quotes/qt_1/send` for `/v1/quotes/qt_1/send`. */
	path: string;
	params: Record<string, string>;
	query: Record<string, string>;
	body: unknown;
}

export interface RouteResult {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type RouteHandler = (request: RouteRequest) => RouteResult | Promise<RouteResult>;

interface Route {
	method: string;
	pattern: RegExp;
	paramNames: string[];
	handler: RouteHandler;
}

/** Matches a method and path against patterns such as `/quotes/:quoteId/send`. */
export class Router {
	private readonly routes: Route[] = [];

	add(method: string, pattern: string, handler: RouteHandler): this {
		const paramNames: string[] = [];
		const source = pattern
			.split('/')
			.map((encoded) => {
				// PATH builders percent-encode ids, so `:quoteId` arrives as `%3AquoteId`.
				const segment = decodeURIComponent(encoded);
				if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
				paramNames.push(segment.slice(1));
				return '([^/]+)';
			})
			.join('/');
		this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), paramNames, handler });
		return this;
	}

	/** Finds the first route for a method and path; routes are tried in the order added. */
	match(
		method: string,
		path: string,
	): { handler: RouteHandler; params: Record<string, string> } | undefined {
		for (const route of this.routes) {
			if (route.method !== method) continue;
			const match = route.pattern.exec(path);
			if (!match) continue;
			const params: Record<string, string> = {};
			route.paramNames.forEach((name, index) => {
				params[name] = decodeURIComponent(match[index + 1]);
			});
			return { handler: route.handler, params };
		}
		return undefined;
	}
}
