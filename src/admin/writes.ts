/**
 * What Save, Delete and Retry do, as functions of the submitted form and the store: each returns
 * the outcome the page shows, with its HTTP status. The store writes in one transaction; only
 * then are the touched pages revalidated, so a failed revalidation never loses saved content.
 */
import {
	ConflictError,
	PostNotFoundError,
	ReadOnlyStoreError,
	SlugTakenError,
	StoreUnavailableError,
} from '../store/errors.ts';
import type { Post, PostChange } from '../store/post.ts';
import type { ContentStore } from '../store/store.ts';
import type { RevalidationResult } from '../revalidate/results.ts';
import { tagsForPage } from '../revalidate/tags.ts';
import {
	readPostForm,
	readVersion,
	type FieldErrors,
	type PostFormTarget,
	type PostFormValues,
} from './post-form.ts';
import { FIELD } from './wire.ts';

export interface WriteDeps {
	readonly store: ContentStore;
	/** The ISR paths a change touches (tags → paths). */
	readonly pathsFor: (change: PostChange) => string[] | Promise<string[]>;
	/** Revalidates paths on every host of this deployment; never throws for a failed page. */
	readonly revalidate: (paths: readonly string[]) => Promise<RevalidationResult[]>;
}

/** Retry takes at most this many paths: one post touches four, a renamed one five. */
export const MAX_RETRY_PATHS = 16;

export type FormOutcome =
	| {
			readonly kind: 'invalid';
			readonly status: 409 | 422;
			readonly values: PostFormValues;
			readonly errors: FieldErrors;
	  }
	| {
			readonly kind: 'conflict';
			readonly status: 409;
			readonly values: PostFormValues;
			readonly current: Post;
	  }
	| { readonly kind: 'not-found'; readonly status: 404; readonly values: PostFormValues }
	| { readonly kind: 'read-only'; readonly status: 403; readonly values: PostFormValues }
	| { readonly kind: 'unavailable'; readonly status: 503; readonly values: PostFormValues };

export type Written = {
	readonly kind: 'saved' | 'deleted' | 'retried';
	readonly status: 200;
	/** The post after the write; `undefined` after a delete or a retry. */
	readonly post: Post | undefined;
	readonly paths: readonly string[];
	readonly results: readonly RevalidationResult[];
};

export async function savePost(
	form: FormData,
	target: PostFormTarget,
	deps: WriteDeps,
): Promise<FormOutcome | Written> {
	const parsed = readPostForm(form, target);
	if (!parsed.ok)
		return { kind: 'invalid', status: 422, values: parsed.values, errors: parsed.errors };
	const { values } = parsed;
	let change: PostChange;
	try {
		change =
			target.mode === 'create'
				? await deps.store.create(parsed.input)
				: await deps.store.update(target.slug, parsed.input, parsed.expectedUpdatedAt!);
	} catch (error) {
		if (error instanceof SlugTakenError) {
			return {
				kind: 'invalid',
				status: 409,
				values,
				errors: { slug: `Slug "${values.slug}" is already taken by another post; choose another.` },
			};
		}
		return writeFailure(error, values);
	}
	return revalidateWritten('saved', change, deps);
}

export async function deletePost(
	slug: string,
	form: FormData,
	deps: WriteDeps,
	current: PostFormValues,
): Promise<FormOutcome | Written> {
	const expectedUpdatedAt = readVersion(form);
	if (expectedUpdatedAt === undefined) {
		return {
			kind: 'invalid',
			status: 422,
			values: current,
			errors: {
				expectedUpdatedAt:
					'The post version (hidden field updatedAt) is missing or damaged: open the delete page again.',
			},
		};
	}
	let change: PostChange;
	try {
		change = await deps.store.delete(slug, expectedUpdatedAt);
	} catch (error) {
		return writeFailure(error, current);
	}
	return revalidateWritten('deleted', change, deps);
}

/** Revalidates the `path` fields again; only pages that show content may be named. */
export async function retryRevalidation(
	form: FormData,
	deps: Pick<WriteDeps, 'revalidate'>,
): Promise<
	Written | { readonly kind: 'bad-retry'; readonly status: 400; readonly message: string }
> {
	const paths = [...new Set(form.getAll(FIELD.path))];
	const bad = (message: string) => ({ kind: 'bad-retry', status: 400, message }) as const;
	if (paths.length === 0) return bad('Path: name at least one page to revalidate.');
	if (paths.length > MAX_RETRY_PATHS) return bad(`Path: at most ${MAX_RETRY_PATHS} pages at once.`);
	for (const path of paths) {
		if (typeof path !== 'string' || tagsForPage(path).length === 0) {
			return bad(
				'Path: only the pages that show posts (/, /blog, /blog/<slug>, /data.json) can be retried here.',
			);
		}
	}
	const strings = paths as string[];
	return {
		kind: 'retried',
		status: 200,
		post: undefined,
		paths: strings,
		results: await deps.revalidate(strings),
	};
}

async function revalidateWritten(
	kind: 'saved' | 'deleted',
	change: PostChange,
	deps: WriteDeps,
): Promise<Written> {
	const paths = await deps.pathsFor(change);
	let results: readonly RevalidationResult[];
	try {
		results = await deps.revalidate(paths);
	} catch (error) {
		// The write is committed; say what to retry instead of failing the page.
		console.error(
			'[admin] revalidation failed unexpectedly',
			error instanceof Error ? error.stack : typeof error,
		);
		results = paths.map((path) => ({
			path,
			host: '',
			status: 'FAILED',
			httpStatus: null,
			reason: 'revalidation failed unexpectedly; see the function logs',
		}));
	}
	return { kind, status: 200, post: change.after, paths, results };
}

function writeFailure(error: unknown, values: PostFormValues): FormOutcome {
	if (error instanceof ConflictError)
		return { kind: 'conflict', status: 409, values, current: error.current };
	if (error instanceof PostNotFoundError) return { kind: 'not-found', status: 404, values };
	if (error instanceof ReadOnlyStoreError) return { kind: 'read-only', status: 403, values };
	if (error instanceof StoreUnavailableError) return { kind: 'unavailable', status: 503, values };
	throw error;
}
