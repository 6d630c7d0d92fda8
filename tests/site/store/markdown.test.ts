import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/store/markdown.ts';

describe('post bodies', () => {
	it('render Markdown', () => {
		expect(renderMarkdown('# Title\n\nSome *text* and [a link](https://example.com).')).toBe(
			'<h1>Title</h1>\n<p>Some <em>text</em> and <a href="https://example.com">a link</a>.</p>\n',
		);
	});

	it.each([
		['script', '<script>alert(1)</script>'],
		['img', '<img src=x onerror="alert(1)">'],
		['a', '<a href="#" onclick="alert(1)">x</a>'],
		['iframe', '<iframe src="//evil.example"></iframe>'],
	])('show a raw <%s> as text, never as markup', (element, html) => {
		const out = renderMarkdown(html);
		expect(out).not.toMatch(new RegExp(`<${element}\\b`, 'i'));
		expect(out).toContain(`&lt;${element}`);
		expect(out).not.toMatch(/<[a-z][^>]*\son\w+=/i);
	});

	it.each([
		'[x](javascript:alert(1))',
		'[x](JAVASCRIPT:alert(1))',
		'[x](&#106;avascript:alert(1))',
		'[x](  javascript:alert(1))',
		'![x](javascript:alert(1))',
		'[x](vbscript:msgbox(1))',
		'[x](data:text/html;base64,PHNjcmlwdD4=)',
		'<javascript:alert(1)>',
	])('drop the dangerous link in %s', (body) => {
		const out = renderMarkdown(body);
		expect(out).not.toMatch(/<(a|img)\b/i);
		expect(out).not.toMatch(/href=|src=/i);
	});
});
