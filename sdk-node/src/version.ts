/** Version of `@nozle/node`; kept in step with package.json (a test checks it). */
export const VERSION = '0.0.0';
