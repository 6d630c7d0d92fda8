/**
 * Reads a submitted form with a size limit checked before parsing. Browsers always send
 * `Content-Length` with a form, so a body without one is refused rather than read unbounded.
 */
export const MAX_POST_FORM_BYTES = 1024 * 1024;
export const MAX_SIGN_IN_FORM_BYTES = 4 * 1024;

export type FormRead =
	| { readonly ok: true; readonly form: FormData }
	| { readonly ok: false; readonly status: 400 | 411 | 413; readonly message: string };

export async function readForm(request: Request, maxBytes: number): Promise<FormRead> {
	const declared = request.headers.get('content-length');
	if (declared === null || !/^\d+$/.test(declared.trim())) {
		return { ok: false, status: 411, message: 'Send the form with a Content-Length.' };
	}
	if (Number(declared) > maxBytes) {
		return {
			ok: false,
			status: 413,
			message: `The form is larger than ${maxBytes / 1024} KiB; nothing was saved.`,
		};
	}
	try {
		return { ok: true, form: await request.formData() };
	} catch {
		return { ok: false, status: 400, message: 'The request is not a form submission.' };
	}
}
