/**
 * The post editor's form: reads the submitted fields, validates every one of them, and either
 * returns a `PostInput` for the store or one message per failing field, each naming its field.
 * The raw values always come back too, so a refused form is shown again as the person typed it.
 */
import { z } from 'zod';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '../store/post.ts';
import { FIELD } from './wire.ts';

export { MAX_SLUG_LENGTH };
export const MAX_TITLE_LENGTH = 200;
/** 100 KB of UTF-8 (102,400 bytes), counted after line endings are normalised to `\n`. */
export const MAX_BODY_BYTES = 100 * 1024;
// Tabs and line breaks belong in a body, never in a one-line title.
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;

/** A new post takes its slug from the form; an edited one keeps the slug of its URL. */
export type PostFormTarget =
	{ readonly mode: 'create' } | { readonly mode: 'edit'; readonly slug: string };

/** What the person submitted, as text, for showing the form again. */
export interface PostFormValues {
	readonly slug: string;
	readonly title: string;
	readonly body: string;
	readonly published: boolean;
	readonly expectedUpdatedAt: string;
}

export type PostFormField = 'slug' | 'title' | 'body' | 'published' | 'expectedUpdatedAt';
export type FieldErrors = Partial<Record<PostFormField, string>>;

export interface ValidPostForm {
	readonly ok: true;
	readonly values: PostFormValues;
	readonly input: { slug: string; title: string; body: string; published: boolean };
	/** The version the edit was based on; `undefined` for a new post. */
	readonly expectedUpdatedAt: Date | undefined;
}

export interface InvalidPostForm {
	readonly ok: false;
	readonly values: PostFormValues;
	readonly errors: FieldErrors;
}

const slugSchema = z
	.string()
	.min(1, 'Slug is required.')
	.max(MAX_SLUG_LENGTH, `Slug must be at most ${MAX_SLUG_LENGTH} characters.`)
	.regex(
		SLUG_PATTERN,
		'Slug may contain only lowercase letters, digits and single hyphens between them, like "my-first-post".',
	);

const titleSchema = z
	.string()
	.trim()
	.min(1, 'Title is required.')
	.max(MAX_TITLE_LENGTH, `Title must be at most ${MAX_TITLE_LENGTH} characters.`)
	.refine((title) => !CONTROL_CHARACTERS.test(title), 'Title must be one line of text.');

const bodySchema = z
	.string()
	.refine((body) => body.trim() !== '', 'Body is required.')
	.refine(
		(body) => Buffer.byteLength(body, 'utf8') <= MAX_BODY_BYTES,
		`Body must be at most 100 KB (${MAX_BODY_BYTES.toLocaleString('en')} bytes of UTF-8).`,
	);

const versionSchema = z
	.string()
	.refine(
		(raw) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(raw) && !Number.isNaN(Date.parse(raw)),
		'The post version (hidden field updatedAt) is missing or damaged: reload the edit page and make your change again.',
	)
	.transform((raw) => new Date(raw));

/** The `updatedAt` a delete or an edit was based on, or `undefined` when missing or damaged. */
export function readVersion(form: FormData): Date | undefined {
	const parsed = versionSchema.safeParse(text(form, FIELD.expectedUpdatedAt));
	return parsed.success ? parsed.data : undefined;
}

/** One text value; a repeated or file field counts as missing. */
function text(form: FormData, name: string): string | undefined {
	const all = form.getAll(name);
	return all.length === 1 && typeof all[0] === 'string' ? all[0] : undefined;
}

/** The submitted fields as text, to show the form again exactly as it was sent. */
export function postFormValues(form: FormData, target: PostFormTarget): PostFormValues {
	const rawPublished = form.getAll(FIELD.published);
	return {
		slug: target.mode === 'edit' ? target.slug : (text(form, FIELD.slug) ?? ''),
		title: text(form, FIELD.title) ?? '',
		// Browsers send textarea line breaks as CRLF: https://html.spec.whatwg.org/multipage/form-elements.html#the-textarea-element
		body: (text(form, FIELD.body) ?? '').replaceAll('\r\n', '\n'),
		published: rawPublished.length === 1 && rawPublished[0] === 'on',
		expectedUpdatedAt: text(form, FIELD.expectedUpdatedAt) ?? '',
	};
}

export function readPostForm(
	form: FormData,
	target: PostFormTarget,
): ValidPostForm | InvalidPostForm {
	const rawPublished = form.getAll(FIELD.published);
	const values = postFormValues(form, target);
	const errors: FieldErrors = {};
	const check = <T>(field: PostFormField, schema: z.ZodType<T>, value: unknown): T | undefined => {
		const parsed = schema.safeParse(value);
		if (parsed.success) return parsed.data;
		errors[field] = parsed.error.issues[0]!.message;
		return undefined;
	};

	const slug = target.mode === 'create' ? check('slug', slugSchema, values.slug) : target.slug;
	const title = check('title', titleSchema, values.title);
	const body = check('body', bodySchema, values.body);
	// An unchecked checkbox sends nothing; a checked one sends "on" once.
	if (rawPublished.length > 1 || (rawPublished.length === 1 && rawPublished[0] !== 'on')) {
		errors.published = 'Published must be checked or unchecked (send "on" once, or nothing).';
	}
	const expectedUpdatedAt =
		target.mode === 'edit'
			? check('expectedUpdatedAt', versionSchema, values.expectedUpdatedAt)
			: undefined;

	if (Object.keys(errors).length > 0) return { ok: false, values, errors };
	return {
		ok: true,
		values,
		input: { slug: slug!, title: title!, body: body!, published: values.published },
		expectedUpdatedAt,
	};
}
