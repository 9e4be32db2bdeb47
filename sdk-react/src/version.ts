/** Version of `@nozle/react`; kept in step with package.json (a test checks it). */
export const VERSION = '0.0.0';
