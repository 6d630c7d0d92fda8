import { defineConfig } from 'drizzle-kit';

/**
 * `npx drizzle-kit generate` writes a new migration to `drizzle/` after `src/store/schema.ts`
 * changes; `npm run db:migrate` applies them. Migrations only add: never drop or rename.
 *
 * @see https://orm.drizzle.team/docs/drizzle-config-file
 */
export default defineConfig({
	dialect: 'turso',
	schema: './src/store/schema.ts',
	out: './drizzle',
});
