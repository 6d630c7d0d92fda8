/** The real build over a temporary content database, and revalidation by tags through its endpoint. */
import { createTestDatabase, type TestDatabase } from '../support/content-db.ts';
import { startSite, type Site } from './support.ts';

export const SECRET = 'content-secret-0123456789abcdef0123456789';

export interface ContentSite {
	readonly site: Site;
	readonly database: TestDatabase;
	/** `POST /api/revalidate` with the secret; the parsed body and status. */
	revalidate(body: object): Promise<{ status: number; body: RevalidateBody }>;
	close(): Promise<void>;
}

export interface RevalidateBody {
	readonly revalidated?: boolean;
	readonly error?: string;
	readonly message?: string;
	readonly results?: readonly {
		path: string;
		status: 'REVALIDATED' | 'FAILED';
		httpStatus: number | null;
		reason?: string;
	}[];
}

export async function startContentSite(): Promise<ContentSite> {
	const database = await createTestDatabase();
	const site = await startSite({ CONTENT_DATABASE_URL: database.url, REVALIDATE_SECRET: SECRET });
	return {
		site,
		database,
		async revalidate(body) {
			const response = await site.get('/api/revalidate', {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
				body: JSON.stringify(body),
			});
			return { status: response.status, body: (await response.json()) as RevalidateBody };
		},
		async close() {
			await site.close();
			await database.close();
		},
	};
}

/** Status, `x-vercel-cache` and body of a GET. */
export async function read(site: Site, path: string) {
	const response = await site.get(path);
	return {
		status: response.status,
		cache: response.headers.get('x-vercel-cache'),
		cacheControl: response.headers.get('cache-control'),
		tags: response.headers.get('x-content-tags'),
		body: await response.text(),
	};
}
