import { describe, expect, it } from 'vitest';
import { ACCESS_MESSAGES, decideAdminAccess } from '../../../src/admin/access.ts';

const SECRET = 'x'.repeat(32);

describe('decideAdminAccess', () => {
	it('disables the editor without ADMIN_SECRET', () => {
		expect(decideAdminAccess({}, true)).toEqual({ enabled: false, reason: 'no-secret' });
		expect(decideAdminAccess({ ADMIN_SECRET: '' }, true)).toEqual({
			enabled: false,
			reason: 'no-secret',
		});
	});

	it('disables the editor with a secret shorter than 32 characters', () => {
		expect(decideAdminAccess({ ADMIN_SECRET: 'x'.repeat(31) }, true)).toEqual({
			enabled: false,
			reason: 'short-secret',
		});
	});

	it('allows writes locally and in production', () => {
		for (const VERCEL_ENV of [undefined, 'development', 'production']) {
			expect(decideAdminAccess({ ADMIN_SECRET: SECRET, VERCEL_ENV }, true)).toEqual({
				enabled: true,
				secret: SECRET,
				writable: true,
				readOnlyReason: undefined,
			});
		}
	});

	it('makes a preview read-only unless ADMIN_PREVIEW_WRITES=1', () => {
		const preview = { ADMIN_SECRET: SECRET, VERCEL_ENV: 'preview' };
		expect(decideAdminAccess(preview, true)).toMatchObject({
			writable: false,
			readOnlyReason: 'preview',
		});
		expect(decideAdminAccess({ ...preview, ADMIN_PREVIEW_WRITES: 'true' }, true)).toMatchObject({
			writable: false,
		});
		expect(decideAdminAccess({ ...preview, ADMIN_PREVIEW_WRITES: '1' }, true)).toMatchObject({
			writable: true,
		});
	});

	it('is read-only over the seed store, wherever it runs', () => {
		expect(
			decideAdminAccess({ ADMIN_SECRET: SECRET, ADMIN_PREVIEW_WRITES: '1' }, false),
		).toMatchObject({ writable: false, readOnlyReason: 'seed-store' });
	});

	it('says how to fix each disabled or read-only state', () => {
		expect(ACCESS_MESSAGES['no-secret']).toContain('ADMIN_SECRET');
		expect(ACCESS_MESSAGES['short-secret']).toContain('32');
		expect(ACCESS_MESSAGES.preview).toContain('ADMIN_PREVIEW_WRITES=1');
		expect(ACCESS_MESSAGES['seed-store']).toContain('TURSO_DATABASE_URL');
	});
});
