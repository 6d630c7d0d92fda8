/**
 * The posts in a libSQL database, through drizzle. Each write is one write transaction
 * (`BEGIN IMMEDIATE`): it reads the stored version, checks it, and writes, so two editors can
 * never both win. `updatedAt` strictly increases on every write, which makes it a version.
 *
 * @see https://orm.drizzle.team/docs/transactions
 */
import { desc, eq, and } from 'drizzle-orm';
import type { ContentDatabase } from './client.ts';
import {
	ConflictError,
	PostNotFoundError,
	SlugTakenError,
	StoreUnavailableError,
} from './errors.ts';
import { isValidSlug, type Post, type PostChange, type PostInput } from './post.ts';
import { posts, type PostRow } from './schema.ts';
import type { ContentStore } from './store.ts';

type Transaction = Parameters<Parameters<ContentDatabase['transaction']>[0]>[0];

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

function assertSlug(slug: string): void {
	if (!isValidSlug(slug)) {
		throw new RangeError(
			'A slug is lowercase letters and digits in groups joined by single hyphens, at most 80 characters.',
		);
	}
}

/** The error chain of a failed query, outermost first (drizzle wraps the driver's error). */
function* causes(error: unknown): Generator<unknown> {
	for (let current = error, depth = 0; current !== undefined && depth < 5; depth++) {
		yield current;
		current = current instanceof Error ? current.cause : undefined;
	}
}

function isUniqueViolation(error: unknown): boolean {
	return [...causes(error)].some(
		(cause) => cause instanceof Error && /UNIQUE constraint failed/i.test(cause.message),
	);
}

const OWN_ERRORS = [ConflictError, PostNotFoundError, SlugTakenError, RangeError];

function storeError(error: unknown, slug?: string): Error {
	if (OWN_ERRORS.some((type) => error instanceof type)) return error as Error;
	if (slug !== undefined && isUniqueViolation(error)) return new SlugTakenError(slug);
	return new StoreUnavailableError(error);
}

export function createDatabaseStore(
	db: ContentDatabase,
	options: DatabaseStoreOptions = {},
): ContentStore {
	const now = options.now ?? (() => new Date());
	const read = async <T>(query: () => Promise<T>): Promise<T> => {
		try {
			return await query();
		} catch (error) {
			throw storeError(error);
		}
	};
	const findRow = async (tx: Transaction | ContentDatabase, slug: string) =>
		(await tx.select().from(posts).where(eq(posts.slug, slug)).limit(1))[0];
	// A version later than the stored one, even when the clock has not moved or went back.
	const nextVersion = (before?: Post) =>
		new Date(Math.max(now().getTime(), (before?.updatedAt.getTime() ?? 0) + 1));

	const current = async (tx: Transaction, slug: string, expectedUpdatedAt: Date) => {
		const row = await findRow(tx, slug);
		if (!row) throw new PostNotFoundError(slug);
		const stored = toPost(row);
		if (stored.updatedAt.getTime() !== expectedUpdatedAt.getTime()) throw new ConflictError(stored);
		return { id: row.id, stored };
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
						const row = await findRow(db, slug);
						return row && toPost(row);
					})
				: Promise.resolve(undefined),

		async create(input: PostInput): Promise<PostChange> {
			assertSlug(input.slug);
			try {
				return await db.transaction(async (tx) => {
					if (await findRow(tx, input.slug)) throw new SlugTakenError(input.slug);
					const updatedAt = nextVersion();
					const [row] = await tx
						.insert(posts)
						.values({ ...input, publishedAt: input.published ? updatedAt : null, updatedAt })
						.returning();
					return { before: undefined, after: toPost(row!) };
				});
			} catch (error) {
				throw storeError(error, input.slug);
			}
		},

		async update(slug: string, input: PostInput, expectedUpdatedAt: Date): Promise<PostChange> {
			assertSlug(input.slug);
			try {
				return await db.transaction(async (tx) => {
					const { id, stored } = await current(tx, slug, expectedUpdatedAt);
					if (input.slug !== slug && (await findRow(tx, input.slug))) {
						throw new SlugTakenError(input.slug);
					}
					const updatedAt = nextVersion(stored);
					const publishedAt = stored.publishedAt ?? (input.published ? updatedAt : null);
					const [row] = await tx
						.update(posts)
						.set({ ...input, publishedAt, updatedAt })
						.where(eq(posts.id, id))
						.returning();
					return { before: stored, after: toPost(row!) };
				});
			} catch (error) {
				throw storeError(error, input.slug);
			}
		},

		async delete(slug: string, expectedUpdatedAt: Date): Promise<PostChange> {
			try {
				return await db.transaction(async (tx) => {
					const { id, stored } = await current(tx, slug, expectedUpdatedAt);
					await tx.delete(posts).where(eq(posts.id, id));
					return { before: stored, after: undefined };
				});
			} catch (error) {
				throw storeError(error);
			}
		},
	};
}
