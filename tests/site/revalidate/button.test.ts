import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import isr from 'virtual:isr-config';
import RevalidateButton from '../../../src/components/RevalidateButton.astro';
import Isr from '../../../src/pages/isr.astro';
import { renderRoute } from '../pages/render.ts';

async function renderButton(props: Record<string, unknown>, path = '/isr'): Promise<string> {
	const container = await AstroContainer.create();
	return container.renderToString(RevalidateButton, {
		props,
		request: new Request(`https://example.test${path}`),
	});
}

describe('RevalidateButton', () => {
	it('is a real button with a polite live status line, for a public path', async () => {
		const html = await renderButton({ path: '/isr' });
		expect(html).toMatch(/<button type="submit"[^>]*>Revalidate<\/button>/);
		expect(html).toMatch(/<p role="status" aria-live="polite"[^>]*><\/p>/);
		expect(html).toContain('data-revalidate="/isr"');
		expect(html).toContain('data-public');
	});

	it('marks a non-public path, whose password field stays hidden until asked for', async () => {
		const html = await renderButton({}, '/blog/hello-world');
		expect(html).toContain('data-revalidate="/blog/hello-world"');
		expect(html).not.toContain('data-public');
		expect(html).toMatch(/<label hidden[^>]*>\s*Secret <input type="password"/);
	});

	it('never puts the bypass token in the page', async () => {
		expect(await renderButton({ path: '/isr' })).not.toContain(isr.bypassToken);
	});
});

describe('the ISR page', () => {
	it('carries the Revalidate button for /isr and still one render time', async () => {
		const html = await (await renderRoute(Isr, { path: '/isr', routePattern: '/isr' })).text();
		expect(html).toContain('data-revalidate="/isr"');
		expect(html).not.toContain('revalidate-slot');
		expect([...html.matchAll(/data-generated-at=/g)]).toHaveLength(1);
	});
});
