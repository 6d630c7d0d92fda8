// Every path is an ISR page that says when it was rendered, as the site's middleware does.
export default {
	fetch() {
		return new Response('<html></html>', {
			headers: {
				'content-type': 'text/html; charset=utf-8',
				'x-generated-at': new Date().toISOString(),
			},
		});
	},
};
