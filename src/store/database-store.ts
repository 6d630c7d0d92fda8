/**
 * The posts in a libSQL database, through drizzle. Each write is one write transaction
 * (`BEGIN IMMEDIATE`) holding a read of the stored post and one conditional statement
 * (`WHERE slug = ? AND updated_at = <expected>`), so of two editors saving the same version
 * exactly one wins, and nothing waits on JavaScript while holding the lock. `updatedAt`
 * strictly increases on every write, which makes it a version.
 *
 * @see https://orm.drizzle.team/docs/transactions
 */
import type { InArgs, Row } from '@libsql/client';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { ContentDatabase } from './client.ts';
import { storeError } from './driver-errors.ts';
import { ConflictError, PostNotFoundError, SlugTakenError } from './errors.ts';
import { isValidSlug, type Post, type PostChange, type PostInput } from './post.ts';
import { posts, type PostRow } from './schema.ts';
import type { ContentStore } from './store.ts';

export interface DatabaseStoreOptions {
	readonly now?: () => Date;
}

function toPost(row: PostRow): Post {
	return {
		slug: row.slug,
		title: row.title,
		body: row.body,
		published: row.published,
		publishedAt: row.publishedAt,
		updatedAt: row.updatedAt,
	};
}

/** A row as libSQL returns it (column names, integers for booleans and times). */
function fromRow(row: Row): Post {
	const publishedAt = row.published_at;
	return {
		slug: String(row.slug),
		title: String(row.title),
		body: String(row.body),
		published: Number(row.published) === 1,
		publishedAt: publishedAt === null ? null : new Date(Number(publishedAt)),
		updatedAt: new Date(Number(row.updated_at)),
	};
}

function versionIs(slug: string, updatedAt: Date) {
	return and(eq(posts.slug, slug), eq(posts.updatedAt, updatedAt));
}

/** The change a conditional write made, or why it made none. */
function settle(
	slug: string,
	stored: Post | undefined,
	written: Post | undefined,
	expectedUpdatedAt: Date,
): { before: Post; after: Post } {
	if (!stored) throw new PostNotFoundError(slug);
	if (!written || stored.updatedAt.getTime() !== expectedUpdatedAt.getTime()) {
		throw new ConflictError(stored);
	}
	return { before: stored, after: written };
}

function assertSlug(slug: string): void {
	if (!isValidSlug(slug)) {
		throw new RangeError(
			'A slug is lowercase letters and digits in groups joined by single hyphens, at most 80 characters.',
		);
	}
}

export function createDatabaseStore(
	db: ContentDatabase,
	options: DatabaseStoreOptions = {},
): ContentStore {
	const read = async <T>(query: () => Promise<T>): Promise<T> => {
		try {
			return await query();
		} catch (error) {
			throw storeError(error);
		}
	};
	const clock = options.now ?? (() => new Date());
	/**
	 * Runs drizzle-built statements as one libSQL write batch: a single `BEGIN IMMEDIATE`
	 * transaction (one request over HTTP), which drizzle's own batch does not ask for. Each
	 * result is the statement's rows as posts.
	 */
	const writeBatch = async (
		slug: string | undefined,
		statements: readonly { toSQL(): { sql: string; params: unknown[] } }[],
	): Promise<Post[][]> => {
		try {
			const results = await db.$client.batch(
				statements.map((statement) => {
					const query = statement.toSQL();
					return { sql: query.sql, args: query.params as InArgs };
				}),
				'write',
			);
			return results.map((result) => result.rows.map(fromRow));
		} catch (error) {
			throw storeError(error, slug);
		}
	};

	return {
		kind: 'database',
		writable: true,
		listPublished: () =>
			read(async () =>
				(
					await db
						.select()
						.from(posts)
						.where(eq(posts.published, true))
						.orderBy(desc(posts.publishedAt), posts.slug)
				).map(toPost),
			),
		listAll: () =>
			read(async () =>
				(await db.select().from(posts).orderBy(desc(posts.updatedAt), posts.slug)).map(toPost),
			),
		getPublished: (slug) =>
			isValidSlug(slug)
				? read(async () => {
						const [row] = await db
							.select()
							.from(posts)
							.where(and(eq(posts.slug, slug), eq(posts.published, true)))
							.limit(1);
						return row && toPost(row);
					})
				: Promise.resolve(undefined),
		get: (slug) =>
			isValidSlug(slug)
				? read(async () => {
						const [row] = await db.select().from(posts).where(eq(posts.slug, slug)).limit(1);
						return row && toPost(row);
					})
				: Promise.resolve(undefined),

		async create(input: PostInput): Promise<PostChange> {
			assertSlug(input.slug);
			const now = clock();
			const [inserted] = await writeBatch(input.slug, [
				db
					.insert(posts)
					.values({ ...input, publishedAt: input.published ? now : null, updatedAt: now })
					.onConflictDoNothing({ target: posts.slug })
					.returning(),
			]);
			const after = inserted?.[0];
			if (!after) throw new SlugTakenError(input.slug);
			return { before: undefined, after };
		},

		async update(slug: string, input: PostInput, expectedUpdatedAt: Date): Promise<PostChange> {
			assertSlug(input.slug);
			const now = clock().getTime();
			const [stored, updated] = await writeBatch(input.slug, [
				db.select().from(posts).where(eq(posts.slug, slug)),
				db
					.update(posts)
					.set({
						...input,
						publishedAt: sql`coalesce(${posts.publishedAt}, ${input.published ? now : null})`,
						// Strictly later than the stored version, even when the clock has not moved.
						updatedAt: sql`max(${now}, ${posts.updatedAt} + 1)`,
					})
					.where(versionIs(slug, expectedUpdatedAt))
					.returning(),
			]);
			return settle(slug, stored?.[0], updated?.[0], expectedUpdatedAt);
		},

		async delete(slug: string, expectedUpdatedAt: Date): Promise<PostChange> {
			const [stored, deleted] = await writeBatch(undefined, [
				db.select().from(posts).where(eq(posts.slug, slug)),
				db.delete(posts).where(versionIs(slug, expectedUpdatedAt)).returning(),
			]);
			const change = settle(slug, stored?.[0], deleted?.[0], expectedUpdatedAt);
			return { before: change.before, after: undefined };
		},
	};
}
