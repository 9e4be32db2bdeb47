/** Version of `@nozle/react`: the one version of every published Nozle package (see openapi/src/version.ts). */
export { VERSION } from '@nozle/browser';
