/** Version of `@nozle/browser`: the one version of every published Nozle package (see openapi/src/version.ts). */
export { VERSION } from '@nozle/openapi';
