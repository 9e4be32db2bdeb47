/** Version of `@nozle/browser`; kept in step with package.json (a test checks it). */
export const VERSION = '0.0.0';
