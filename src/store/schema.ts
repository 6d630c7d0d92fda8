/**
 * The content database, typed once. Migrations in `drizzle/` are generated from this file with
 * `npx drizzle-kit generate` and applied with `npm run db:migrate`; they only ever add.
 *
 * @see https://orm.drizzle.team/docs/column-types/sqlite
 */
import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

export const posts = sqliteTable('posts', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	slug: text('slug').notNull().unique(),
	title: text('title').notNull(),
	body: text('body').notNull(),
	published: integer('published', { mode: 'boolean' }).notNull(),
	publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export type PostRow = typeof posts.$inferSelect;
