/**
 * Content types of static files by extension, with `charset=utf-8` on text types as Vercel sends
 * them. A small table instead of a MIME database: the runtime serves build output, whose file
 * types are few and known.
 */
import { extname } from 'node:path';

const UTF8 = '; charset=utf-8';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
	'.html': `text/html${UTF8}`,
	'.htm': `text/html${UTF8}`,
	'.css': `text/css${UTF8}`,
	'.js': `application/javascript${UTF8}`,
	'.mjs': `application/javascript${UTF8}`,
	'.json': `application/json${UTF8}`,
	'.map': `application/json${UTF8}`,
	'.webmanifest': `application/manifest+json${UTF8}`,
	'.txt': `text/plain${UTF8}`,
	'.md': `text/markdown${UTF8}`,
	'.csv': `text/csv${UTF8}`,
	'.xml': `application/xml${UTF8}`,
	'.rss': `application/rss+xml${UTF8}`,
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.ttf': 'font/ttf',
	'.otf': 'font/otf',
	'.pdf': 'application/pdf',
	'.wasm': 'application/wasm',
	'.mp4': 'video/mp4',
	'.webm': 'video/webm',
	'.mp3': 'audio/mpeg',
	'.wav': 'audio/wav',
	'.zip': 'application/zip',
};

/** The content type for a file name, or undefined when the extension is unknown. */
export function contentTypeFor(fileName: string): string | undefined {
	return CONTENT_TYPES[extname(fileName).toLowerCase()];
}
