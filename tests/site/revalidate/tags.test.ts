import { describe, expect, it } from 'vitest';
import type { Post } from '../../../src/store/post.ts';
import {
	MAX_TAG_BYTES,
	pathsForTags,
	POST_LIST_PATHS,
	tagGrammarError,
	tagsForChange,
	tagsForPage,
} from '../../../src/revalidate/tags.ts';

const post = (slug: string, published = true): Post => ({
	slug,
	title: slug,
	body: '',
	published,
	publishedAt: published ? new Date(0) : null,
	updatedAt: new Date(1),
});

const LISTS = ['/', '/blog', '/data.json'];

describe('tagsForChange → pathsForTags', () => {
	it('saving post X touches /blog/X, /blog, / and /data.json', () => {
		const paths = pathsForTags(tagsForChange({ before: post('x'), after: post('x') }));
		expect(paths.sort()).toEqual(['/blog/x', ...LISTS].sort());
	});

	it('a new published post touches its path and every list', () => {
		expect(pathsForTags(tagsForChange({ before: undefined, after: post('new') })).sort()).toEqual(
			['/blog/new', ...LISTS].sort(),
		);
	});

	it('a changed slug touches both the old and the new path', () => {
		const paths = pathsForTags(tagsForChange({ before: post('old'), after: post('new') }));
		expect(paths).toContain('/blog/old');
		expect(paths).toContain('/blog/new');
		expect(paths).toEqual(expect.arrayContaining(LISTS));
		expect(paths).toHaveLength(5);
	});

	it('deleting a published post touches its path and every list', () => {
		expect(pathsForTags(tagsForChange({ before: post('gone'), after: undefined })).sort()).toEqual(
			['/blog/gone', ...LISTS].sort(),
		);
	});

	it('unpublishing touches the post path and every list; publishing does too', () => {
		const unpublish = { before: post('p'), after: post('p', false) };
		const publish = { before: post('p', false), after: post('p') };
		for (const change of [unpublish, publish]) {
			expect(pathsForTags(tagsForChange(change)).sort()).toEqual(['/blog/p', ...LISTS].sort());
		}
	});

	it('a change to a post that stays a draft touches nothing', () => {
		expect(tagsForChange({ before: post('d', false), after: post('d', false) })).toEqual([]);
		expect(tagsForChange({ before: undefined, after: post('d', false) })).toEqual([]);
		expect(tagsForChange({ before: post('d', false), after: undefined })).toEqual([]);
	});
});

describe('pathsForTags', () => {
	it('resolves posts to the list pages and post:<slug> to the post page, without repeats', () => {
		expect(pathsForTags(['posts', 'post:a', 'posts', 'post:a'])).toEqual([...LISTS, '/blog/a']);
	});

	it('resolves unknown tags and post tags with a slug outside the grammar to nothing', () => {
		expect(pathsForTags(['other', 'post:', 'post:A', 'post:../x', 'post:a/b', 'Posts'])).toEqual(
			[],
		);
	});
});

describe('tagsForPage', () => {
	it('each page declares the tags that resolve back to it', () => {
		for (const path of [...POST_LIST_PATHS, '/blog/hello-world']) {
			expect(pathsForTags(tagsForPage(path))).toContain(path);
		}
		expect(tagsForPage('/isr')).toEqual([]);
	});
});

describe('tag grammar', () => {
	it.each(['posts', 'post:hello-world', 'x'.repeat(MAX_TAG_BYTES), 'ünïcode'])(
		'accepts %j',
		(tag) => {
			expect(tagGrammarError(tag)).toBeUndefined();
		},
	);

	it.each([
		[42, 'must be a string'],
		['', 'is empty'],
		['x'.repeat(MAX_TAG_BYTES + 1), 'longer than 256 bytes'],
		['é'.repeat(129), 'longer than 256 bytes'],
		['a,b', 'comma'],
		['a\nb', 'control character'],
		['a\r\nb', 'control character'],
		['a\u0000', 'control character'],
		['a\u007f', 'control character'],
		['a\u0085', 'control character'],
	])('refuses %j: %s', (tag, message) => {
		expect(tagGrammarError(tag)).toContain(message);
	});
});
