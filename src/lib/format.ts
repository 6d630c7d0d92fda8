const humanFormat = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'medium',
	timeStyle: 'medium',
	timeZone: 'UTC',
});

/** `22 Nov 2026, 16:30:05 UTC`: the same on every server, whatever its time zone. */
export function formatHuman(date: Date): string {
	return `${humanFormat.format(date)} UTC`;
}
