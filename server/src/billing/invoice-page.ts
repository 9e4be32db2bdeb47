// The hosted invoice page: an invoice document (invoice-document.ts) as HTML, for the customer,
// at `/invoices/{token}` (its PDF at `/invoices/{token}/pdf`). The token is the capability, as a
// Stripe hosted invoice URL is; no key is asked for. Every value is escaped (a customer's name
// may hold markup) and the page runs no script.
import { createHash } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Queryable } from '../db/database.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { documentOfHostedInvoice } from './invoice-documents-service.js';
import type { InvoiceDocument } from './invoice-document.js';
import { hostedInvoicePath } from './invoices-store.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:46rem;margin:2.5rem auto;padding:0 1rem;color:#1a1a2e}
header{display:flex;justify-content:space-between;align-items:baseline}.stamp{font-weight:700;letter-spacing:.05em}
.stamp.draft{color:#b45309}.stamp.open{color:#1d4ed8}.stamp.paid{color:#15803d}.stamp.void{color:#6b7280}.stamp.uncollectible{color:#b91c1c}
.parties{display:flex;gap:2rem;margin:1.5rem 0}.parties section{flex:1}.muted{color:#555}
table{width:100%;border-collapse:collapse;margin:1rem 0}td,th{padding:.4rem 0;vertical-align:top;text-align:left}
.lines td,.lines th{border-bottom:1px solid #ddd}.amount{text-align:right;white-space:nowrap}ul{margin:.2rem 0;padding-left:1.1rem;color:#555;font-size:.9em}
.totals{width:auto;margin-left:auto}.totals th{padding-right:2rem;font-weight:400}.totals tr:last-child{font-weight:700}`;

// No script, no framing, the one stylesheet allowed by its hash, no referrer carrying the token.
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'private, no-store',
};

const party = (label: string, who: InvoiceDocument['seller']) =>
  `<section><div class="muted">${escape(label)}</div><strong>${escape(who.name)}</strong>${who.details.map((line) => `<div>${escape(line)}</div>`).join('')}</section>`;

const rows = (list: InvoiceDocument['facts'], className: string) =>
  `<table class="${className}">${list.map((row) => `<tr><th>${escape(row.label)}</th><td class="amount">${escape(row.value)}</td></tr>`).join('')}</table>`;

/** The page of `doc`, with a link to its PDF at `pdfHref`. */
function invoicePageHtml(doc: InvoiceDocument, pdfHref: string): string {
  const lines = doc.lines
    .map(
      (line) =>
        `<tr><td>${escape(line.description)}<ul>${[line.period, ...line.details].map((d) => `<li>${escape(d)}</li>`).join('')}</ul></td><td class="amount">${escape(line.amount)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(doc.title)} · ${escape(doc.seller.name)}</title><style>${STYLE}</style></head>
<body><header><h1>${escape(doc.title)}</h1><span class="stamp ${escape(doc.status)}">${escape(doc.statusLabel)}</span></header>
<p>${escape(doc.statusNote)}</p>
<div class="parties">${party('From', doc.seller)}${party('Bill to', doc.customer)}</div>
${rows(doc.facts, 'facts')}
<table class="lines"><tr><th>Description</th><th class="amount">Amount</th></tr>${lines}</table>
${rows(doc.totals, 'totals')}
${doc.notes.map((note) => `<p><strong>${escape(note)}</strong></p>`).join('')}
<p><a href="${escape(pdfHref)}">Download PDF</a></p></body></html>`;
}

// Tokens are base64url (invoice-numbers-store.ts, or hex from the migration): anything else is no invoice.
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

async function hostedDocument(db: Queryable, req: Request, res: Response): Promise<InvoiceDocument | undefined> {
  const token = String(req.params['token']);
  const doc = TOKEN.test(token) ? await documentOfHostedInvoice(db, token) : undefined;
  if (!doc)
    res
      .status(404)
      .type('html')
      .send('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><h1>No such invoice</h1></body></html>');
  return doc;
}

/** The hosted invoice pages: `/invoices/{token}` and `/invoices/{token}/pdf`. */
export function hostedInvoicePages(db: Queryable): Router {
  const router = express.Router();
  router.use('/invoices', (_req, res, next) => {
    res.set(SECURITY_HEADERS);
    next();
  });
  router.get('/invoices/:token', async (req: Request, res: Response) => {
    const doc = await hostedDocument(db, req, res);
    if (doc)
      res
        .status(200)
        .type('html')
        .send(invoicePageHtml(doc, `${hostedInvoicePath(String(req.params['token']))}/pdf`));
  });
  router.get('/invoices/:token/pdf', async (req: Request, res: Response) => {
    const doc = await hostedDocument(db, req, res);
    if (doc)
      res
        .status(200)
        .type('application/pdf')
        .send(await renderInvoicePdf(doc));
  });
  return router;
}
