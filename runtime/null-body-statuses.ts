/**
 * Statuses whose responses never carry a body.
 *
 * @see https://fetch.spec.whatwg.org/#null-body-status
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-6.4.1 (1xx, 204, 304)
 */
export const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);
