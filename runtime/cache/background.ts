/**
 * Work that outlives the request which started it: tracked background work, and per-key
 * single flight so concurrent requests for one key share one invocation.
 *
 * @see https://vercel.com/docs/incremental-static-regeneration/request-collapsing
 * @see https://vercel.com/docs/functions/functions-api-reference/vercel-functions-package#waituntil
 */

export interface BackgroundWork {
	/** Keeps `promise` tracked past the response (`waitUntil`); a rejection goes to `onError`, never thrown. */
	add(promise: Promise<unknown>): void;
	/** Resolves once every promise added, including ones added while waiting, has settled. */
	settled(): Promise<void>;
}

/** Background work whose rejections go to `onError`. `add` may be passed around unbound. */
export function createBackgroundWork(onError: (error: unknown) => void): BackgroundWork {
	const pending = new Set<Promise<unknown>>();
	return {
		add(promise) {
			const tracked: Promise<unknown> = promise
				.catch(onError)
				.finally(() => pending.delete(tracked));
			pending.add(tracked);
		},
		async settled() {
			while (pending.size > 0) await Promise.allSettled([...pending]);
		},
	};
}

export interface SingleFlight<T> {
	/** The flight in progress for `key`, or a new one from `start`. */
	join(key: string, start: () => Promise<T>): Promise<T>;
	/** A new flight from `start` even if one is in progress; later `join`s share the new one. */
	start(key: string, start: () => Promise<T>): Promise<T>;
	has(key: string): boolean;
}

export function createSingleFlight<T>(): SingleFlight<T> {
	const inFlight = new Map<string, Promise<T>>();
	const begin = (key: string, start: () => Promise<T>): Promise<T> => {
		const flight = start();
		inFlight.set(key, flight);
		const clear = () => {
			if (inFlight.get(key) === flight) inFlight.delete(key);
		};
		flight.then(clear, clear);
		return flight;
	};
	return {
		join: (key, start) => inFlight.get(key) ?? begin(key, start),
		start: begin,
		has: (key) => inFlight.has(key),
	};
}
