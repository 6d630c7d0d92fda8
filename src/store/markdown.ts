/**
 * Post bodies are Markdown written in the editor, so they are untrusted: raw HTML is escaped
 * (`html: false`) and markdown-it's `validateLink` drops `javascript:`, `vbscript:`, `file:` and
 * non-image `data:` links. The result is safe to insert with `set:html`.
 *
 * @see https://github.com/markdown-it/markdown-it/blob/master/docs/security.md
 */
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

export function renderMarkdown(body: string): string {
	return markdown.render(body);
}
