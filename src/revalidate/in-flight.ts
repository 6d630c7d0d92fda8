/**
 * Per-instance serialisation of the public Revalidate button. The cooldown reads the served
 * render time and then regenerates, so presses that arrive together would all read the same old
 * time and all regenerate. Holding a key per path and host from that read until the regeneration
 * answers makes the read and the regeneration one step: the first press of a burst regenerates,
 * every other press finds the key held and is refused. Checking and taking the keys happen in
 * one synchronous call, so no other request can run in between.
 *
 * Each serverless instance has its own keys: presses spread over several instances can still
 * regenerate once per instance (see README "The Revalidate button").
 */

export interface InFlight {
	/** Takes every key, or none when any is held; the returned function gives them back. */
	tryAcquire(keys: readonly string[]): (() => void) | undefined;
}

export function createInFlight(): InFlight {
	const held = new Set<string>();
	return {
		tryAcquire(keys) {
			if (keys.some((key) => held.has(key))) return undefined;
			for (const key of keys) held.add(key);
			let released = false;
			return () => {
				if (released) return;
				released = true;
				for (const key of keys) held.delete(key);
			};
		},
	};
}

/** The key of one path on one host. */
export const inFlightKey = (host: string, path: string): string => `${host}${path}`;
