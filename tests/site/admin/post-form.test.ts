import { describe, expect, it } from 'vitest';
import {
	MAX_BODY_BYTES,
	MAX_SLUG_LENGTH,
	MAX_TITLE_LENGTH,
	readPostForm,
	type PostFormTarget,
} from '../../../src/admin/post-form.ts';

const VERSION = '2026-12-01T09:00:00.123Z';
const CREATE: PostFormTarget = { mode: 'create' };
const EDIT: PostFormTarget = { mode: 'edit', slug: 'hello-world' };

function form(fields: Record<string, string | string[] | undefined>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const one of value === undefined ? [] : [value].flat()) data.append(name, one);
	}
	return data;
}

const valid = {
	slug: 'my-first-post',
	title: 'My first post',
	body: '# Hello\n\nWorld.',
	published: 'on',
	expectedUpdatedAt: VERSION,
};

describe('readPostForm', () => {
	it('turns a complete new-post form into a PostInput', () => {
		expect(readPostForm(form(valid), CREATE)).toMatchObject({
			ok: true,
			input: {
				slug: 'my-first-post',
				title: 'My first post',
				body: '# Hello\n\nWorld.',
				published: true,
			},
			expectedUpdatedAt: undefined,
		});
	});

	it('keeps the slug of the edited post and reads the version it was based on', () => {
		const result = readPostForm(form({ ...valid, slug: 'something-else' }), EDIT);
		expect(result).toMatchObject({ ok: true, input: { slug: 'hello-world' } });
		expect(result.ok && result.expectedUpdatedAt?.toISOString()).toBe(VERSION);
	});

	it('reads an absent Published checkbox as unpublished', () => {
		expect(readPostForm(form({ ...valid, published: undefined }), CREATE)).toMatchObject({
			ok: true,
			input: { published: false },
		});
	});

	it('trims the title and normalises CRLF line breaks in the body', () => {
		const result = readPostForm(form({ ...valid, title: '  Spaced  ', body: 'a\r\nb' }), CREATE);
		expect(result).toMatchObject({ ok: true, input: { title: 'Spaced', body: 'a\nb' } });
	});

	it('accepts a slug of exactly the maximum length and a body of exactly 100 KB', () => {
		const result = readPostForm(
			form({ ...valid, slug: 'a'.repeat(MAX_SLUG_LENGTH), body: 'b'.repeat(MAX_BODY_BYTES) }),
			CREATE,
		);
		expect(result.ok).toBe(true);
	});

	it.each([
		['', 'Slug is required.'],
		['a'.repeat(MAX_SLUG_LENGTH + 1), 'Slug must be at most 80 characters.'],
		['Hello', /^Slug may contain only lowercase letters/],
		['hello world', /^Slug may contain only/],
		['hello_world', /^Slug may contain only/],
		['-hello', /^Slug may contain only/],
		['hello-', /^Slug may contain only/],
		['hello--world', /^Slug may contain only/],
		['héllo', /^Slug may contain only/],
		['../etc', /^Slug may contain only/],
	])('refuses the slug %j with a message naming Slug', (slug, message) => {
		const result = readPostForm(form({ ...valid, slug }), CREATE);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors.slug).toMatch(message);
		expect(!result.ok && Object.keys(result.errors)).toEqual(['slug']);
	});

	it('refuses a new post without a slug field', () => {
		const result = readPostForm(form({ ...valid, slug: undefined }), CREATE);
		expect(!result.ok && result.errors.slug).toBe('Slug is required.');
	});

	it.each([
		['', 'Title is required.'],
		['   ', 'Title is required.'],
		['t'.repeat(MAX_TITLE_LENGTH + 1), `Title must be at most ${MAX_TITLE_LENGTH} characters.`],
		['two\nlines', 'Title must be one line of text.'],
		['tab\there', 'Title must be one line of text.'],
		['nul\u0000', 'Title must be one line of text.'],
	])('refuses the title %j with a message naming Title', (title, message) => {
		const result = readPostForm(form({ ...valid, title }), EDIT);
		expect(!result.ok && result.errors).toEqual({ title: message });
	});

	it.each([
		['', 'Body is required.'],
		[' \n\t', 'Body is required.'],
		['b'.repeat(MAX_BODY_BYTES + 1), /^Body must be at most 100 KB/],
		// 34,134 three-byte characters are 102,402 bytes: under 100 K characters, over 100 KB.
		['€'.repeat(34_134), /^Body must be at most 100 KB/],
	])('refuses the body %# with a message naming Body', (body, message) => {
		const result = readPostForm(form({ ...valid, body }), EDIT);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors.body).toMatch(message);
	});

	it.each([[['on', 'on']], ['yes'], ['true'], ['']])(
		'refuses the Published value %j with a message naming Published',
		(published) => {
			const result = readPostForm(form({ ...valid, published }), EDIT);
			expect(!result.ok && result.errors.published).toMatch(/^Published must be checked/);
		},
	);

	it.each([
		undefined,
		'',
		'yesterday',
		'2026-12-01',
		'2026-13-01T09:00:00.000Z',
		String(Date.now()),
	])('refuses an edit based on the version %j, naming the hidden field', (expectedUpdatedAt) => {
		const result = readPostForm(form({ ...valid, expectedUpdatedAt }), EDIT);
		expect(!result.ok && result.errors.expectedUpdatedAt).toMatch(/updatedAt/);
	});

	it('ignores the version field of a new post', () => {
		expect(readPostForm(form({ ...valid, expectedUpdatedAt: 'junk' }), CREATE).ok).toBe(true);
	});

	it('refuses a field sent twice or as a file', () => {
		const data = form({ ...valid, title: ['One', 'Two'] });
		data.set('body', new File(['x'], 'body.md'));
		const result = readPostForm(data, EDIT);
		expect(!result.ok && result.errors).toMatchObject({
			title: 'Title is required.',
			body: 'Body is required.',
		});
	});

	it('reports every failing field at once and gives back what was typed', () => {
		const typed = { slug: 'Bad Slug', title: '', body: '', published: 'on' };
		const result = readPostForm(form(typed), CREATE);
		expect(result.ok).toBe(false);
		expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['body', 'slug', 'title']);
		expect(result.values).toEqual({
			slug: 'Bad Slug',
			title: '',
			body: '',
			published: true,
			expectedUpdatedAt: '',
		});
	});
});
