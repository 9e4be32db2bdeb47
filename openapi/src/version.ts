// The version of every published Nozle package: they are released together (Changesets
// `fixed`), and `pnpm version-packages` rewrites this line from openapi/package.json.
/** The version of `@nozle/openapi`, `@nozle/node`, `@nozle/browser` and `@nozle/react`. */
export const VERSION = '0.1.0';
