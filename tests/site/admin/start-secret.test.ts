import { describe, expect, it } from 'vitest';
import {
	adminBannerLine,
	adminSecretFor,
	generateAdminSecret,
} from '../../../scripts/lib/admin-secret.ts';

describe('the admin secret of npm start', () => {
	it('generates a 43-character secret for the run when none is configured', () => {
		expect(adminSecretFor(undefined, () => 'g'.repeat(43))).toEqual({
			source: 'generated',
			secret: 'g'.repeat(43),
		});
		expect(adminSecretFor('', () => 'g'.repeat(43)).source).toBe('generated');
		expect(generateAdminSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(generateAdminSecret()).not.toBe(generateAdminSecret());
	});

	it('keeps a configured secret and never prints it', () => {
		const secret = adminSecretFor('c'.repeat(32));
		expect(secret).toEqual({ source: 'environment', secret: 'c'.repeat(32) });
		expect(adminBannerLine(secret)).not.toContain('c'.repeat(32));
		expect(adminBannerLine(secret)).toContain('/admin');
	});

	it('prints a generated secret, so the editor can be signed in to', () => {
		const line = adminBannerLine({ source: 'generated', secret: 'g'.repeat(43) });
		expect(line).toContain('/admin');
		expect(line).toContain('g'.repeat(43));
		expect(line).toContain('ADMIN_SECRET');
	});

	it('says the editor is off when the configured secret is too short, instead of replacing it', () => {
		const secret = adminSecretFor('short');
		expect(secret).toEqual({ source: 'too-short' });
		expect(adminBannerLine(secret)).toMatch(/disabled: ADMIN_SECRET is shorter than 32/);
	});
});
