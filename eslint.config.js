// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The runtime package's layering (runtime/README.md, "Layering"): each layer imports only layers
 * below it; the shared modules (wire names, each folder's `types.ts`,
 * `null-body-statuses.ts`, `web-request.ts`) sit at the bottom. Nothing in the package imports the site or leaves the
 * package except for its dependencies.
 */
const RUNTIME_LAYERS = [
	{ files: ['runtime/output/**/*.ts'], above: ['routing', 'cache', 'functions'] },
	{ files: ['runtime/routing/**/*.ts'], above: ['cache', 'functions'] },
	{ files: ['runtime/cache/**/*.ts'], above: ['functions'] },
	{ files: ['runtime/functions/**/*.ts'], above: [] },
];
/** The top-level files: the runtime (handler and its env and logs) and the shell (server, cli). */
const RUNTIME_TOP = '(handler|env|log|log-safety|server|cli|index)\\.ts$';
const siteImports = {
	regex: '(^|/)(src|scripts|tests)/|^astro(:|/|$)|^@astrojs/',
	message: 'The runtime package never imports the site: move what both need into the package.',
};
/** @param {number} depth how many `../` leave the package */
const leavesPackage = (depth) => ({
	regex: `^(\\.\\./){${depth},}`,
	message: "Import only the runtime package's own files and dependencies.",
});
/** @type {import('eslint').Linter.Config[]} */
const runtimeLayerRules = RUNTIME_LAYERS.map(({ files, above }) => ({
	files,
	rules: {
		'no-restricted-imports': [
			'error',
			{
				patterns: [
					siteImports,
					leavesPackage(2),
					{
						regex: `^\\.\\./(${[RUNTIME_TOP, ...above.map((layer) => `${layer}/(?!types\\.ts$)`)].join('|')})`,
						message: `Layering: ${files[0].split('/')[1]}/ may import only wire names, shared types and the layers below it (runtime/README.md, "Layering").`,
					},
				],
			},
		],
	},
}));

export default tseslint.config(
	{
		ignores: ['dist/', '.vercel/', '.astro/', '.cache/', 'node_modules/', 'runtime/test/fixtures/'],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	...astro.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.node, ...globals.browser },
		},
		rules: {
			'@typescript-eslint/consistent-type-imports': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
			'no-console': ['error', { allow: ['error', 'warn', 'info'] }],
		},
	},
	{
		files: ['runtime/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [siteImports, leavesPackage(1)] }],
		},
	},
	{
		// Exported on its own (`/wire`) for site code and function bundles.
		files: ['runtime/wire.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ regex: '.', message: 'wire.ts imports nothing: it is dependency-free.' }] },
			],
		},
	},
	{
		files: ['runtime/test/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [siteImports] }] },
	},
	...runtimeLayerRules,
	{
		files: ['src/**', 'scripts/**', 'tests/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^(\\.\\./)+runtime/',
							message:
								"Import the runtime as a package ('@astro-isr/vercel-runtime', '/wire', '/routing', '/output'), not its files.",
						},
					],
				},
			],
		},
	},
);
