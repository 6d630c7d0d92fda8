import { describe, expect, it } from 'vitest';
import { isCompressible, negotiateEncoding } from '../../cache/compression.ts';

const BOTH = { br: true, gzip: true };

describe('negotiateEncoding', () => {
	it('sends the body unencoded without an Accept-Encoding, or with an empty one', () => {
		expect(negotiateEncoding(null, BOTH)).toBe('identity');
		expect(negotiateEncoding('', BOTH)).toBe('identity');
	});

	it('prefers br to gzip when both are equally acceptable, as the platform does', () => {
		expect(negotiateEncoding('gzip, deflate, br', BOTH)).toBe('br');
		expect(negotiateEncoding('gzip', BOTH)).toBe('gzip');
		expect(negotiateEncoding('br', { gzip: true })).toBe('identity');
	});

	it('follows q-values, and never picks a coding with q=0', () => {
		expect(negotiateEncoding('br;q=0.5, gzip;q=0.8', BOTH)).toBe('gzip');
		expect(negotiateEncoding('br;q=0, gzip', BOTH)).toBe('gzip');
		expect(negotiateEncoding('br;q=0, gzip;q=0', BOTH)).toBe('identity');
		expect(negotiateEncoding('BR;Q=1', BOTH)).toBe('br');
	});

	it('reads * as every coding not named, and x-gzip as gzip', () => {
		expect(negotiateEncoding('*', BOTH)).toBe('br');
		expect(negotiateEncoding('br;q=0, *', BOTH)).toBe('gzip');
		expect(negotiateEncoding('*;q=0', BOTH)).toBe('identity');
		expect(negotiateEncoding('x-gzip', BOTH)).toBe('gzip');
	});

	it('sends identity only when it is named above every coding', () => {
		expect(negotiateEncoding('identity, gzip;q=0.5', BOTH)).toBe('identity');
		expect(negotiateEncoding('identity;q=0.5, gzip', BOTH)).toBe('gzip');
	});

	it('sends the body unencoded when nothing acceptable is available, even with identity;q=0', () => {
		expect(negotiateEncoding('identity;q=0', {})).toBe('identity');
		expect(negotiateEncoding('deflate, identity;q=0', BOTH)).toBe('identity');
	});
});

describe('isCompressible', () => {
	const headers = (init: Record<string, string>) => new Headers(init);

	it('compresses the text types the platform lists, whatever their parameters', () => {
		expect(isCompressible(headers({ 'content-type': 'text/html; charset=utf-8' }))).toBe(true);
		expect(isCompressible(headers({ 'content-type': 'application/json' }))).toBe(true);
		expect(isCompressible(headers({ 'content-type': 'image/svg+xml' }))).toBe(true);
		expect(isCompressible(headers({ 'content-type': 'TEXT/CSS' }))).toBe(true);
	});

	it('leaves other types, untyped bodies and already encoded bodies alone', () => {
		expect(isCompressible(headers({ 'content-type': 'image/png' }))).toBe(false);
		expect(isCompressible(headers({ 'content-type': 'application/octet-stream' }))).toBe(false);
		expect(isCompressible(headers({}))).toBe(false);
		const encoded = { 'content-type': 'text/html', 'content-encoding': 'gzip' };
		expect(isCompressible(headers(encoded))).toBe(false);
	});

	it('leaves a response marked no-transform alone', () => {
		const init = { 'content-type': 'text/html', 'cache-control': 'public, no-transform' };
		expect(isCompressible(headers(init))).toBe(false);
	});
});
