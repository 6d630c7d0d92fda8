import { describe, expect, it } from 'vitest';
import {
	errorBody,
	formatResult,
	summarizeResults,
	type RevalidationResult,
} from '../../../src/revalidate/results.ts';

const NOW = 1_795_000_000_000;
const ok: RevalidationResult = {
	path: '/isr',
	host: 'example.com',
	status: 'REVALIDATED',
	httpStatus: 200,
	generatedAt: '2026-11-22T12:00:00.000Z',
};
const failed: RevalidationResult = {
	path: '/data.json',
	host: 'www.example.com',
	status: 'FAILED',
	httpStatus: null,
	reason: 'timed out after 15 s',
};

describe('summarizeResults', () => {
	it('answers 200 with revalidated: true when every path and host was revalidated', () => {
		expect(summarizeResults([ok], NOW)).toEqual({
			status: 200,
			body: { revalidated: true, now: NOW, results: [ok] },
		});
	});

	it('answers 502 with the same shape and every result when any failed', () => {
		expect(summarizeResults([ok, failed], NOW)).toEqual({
			status: 502,
			body: { revalidated: false, now: NOW, results: [ok, failed] },
		});
	});
});

describe('errorBody', () => {
	it('carries a code, a message and only the extras given', () => {
		expect(errorBody('invalid_path', 'paths[1] is empty.', { index: 1 })).toEqual({
			revalidated: false,
			error: 'invalid_path',
			message: 'paths[1] is empty.',
			index: 1,
		});
		expect(errorBody('unauthorized', 'No.')).toEqual({
			revalidated: false,
			error: 'unauthorized',
			message: 'No.',
		});
	});
});

describe('formatResult', () => {
	it('prints one line per path and host', () => {
		expect(formatResult(ok)).toBe(
			'REVALIDATED /isr @ example.com (200, rendered 2026-11-22T12:00:00.000Z)',
		);
		expect(formatResult(failed)).toBe(
			'FAILED      /data.json @ www.example.com (no response: timed out after 15 s)',
		);
	});
});
