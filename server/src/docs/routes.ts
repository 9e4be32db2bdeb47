// The API reference in a browser: `/docs` (Redocly, built from nozle.yaml, naming this server as
// the one to call), `/openapi.yaml` (the contract as written) and `/docs/realtime` (the WebSocket
// and customer-token guide).
import { readFile } from 'node:fs/promises';
import express, { type Response } from 'express';
import { defaultDocsFiles, type DocsFiles } from './files.js';
import { withOrigin } from './origin.js';
import { renderMarkdown } from './markdown.js';

/** `publicUrl`: the address users reach the server at (NOZLE_PUBLIC_URL); the request's own origin when unset. */
export function docsRouter(files: DocsFiles = defaultDocsFiles(), publicUrl?: string): express.Router {
  const router = express.Router();

  router.get('/openapi.yaml', async (_req, res) => {
    res.type('application/yaml; charset=utf-8').send(await readFile(files.spec, 'utf8'));
  });

  router.get('/docs', async (req, res) => {
    const html = await readIfPresent(files.reference);
    // Built by the openapi package, not by the server: say how to make it rather than 404.
    if (html === undefined) {
      return unavailable(
        res,
        'The API reference is not built yet. Run `pnpm build` (or `pnpm --filter @nozle/server docs`), then reload. The raw contract is at /openapi.yaml.',
      );
    }
    res.type('html').send(withOrigin(html, publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`));
  });

  router.get('/docs/realtime', async (_req, res) => {
    const guide = files.realtimeGuide === undefined ? undefined : await readIfPresent(files.realtimeGuide);
    if (guide === undefined) return unavailable(res, 'The realtime guide (docs/realtime.md) is not part of this installation.');
    res.type('html').send(page('Realtime protocol · Nozle', renderMarkdown(guide)));
  });

  return router;
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function unavailable(res: Response, hint: string): void {
  res.status(503).type('text/plain; charset=utf-8').send(`${hint}\n`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  body { font: 16px/1.6 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
  nav a { margin-right: 1rem; }
  pre { background: #f6f8fa; padding: 1rem; overflow-x: auto; border-radius: 6px; }
  code { font: 0.9em ui-monospace, monospace; }
  table { border-collapse: collapse; }
  th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
</style>
</head>
<body>
<nav><a href="/docs">API reference</a><a href="/docs/realtime">Realtime protocol</a><a href="/openapi.yaml">openapi.yaml</a></nav>
<main>
${body}
</main>
</body>
</html>
`;
}
