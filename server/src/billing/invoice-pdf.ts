// An invoice document (invoice-document.ts) laid out as a PDF with pdfkit. The fonts are DejaVu
// Sans from the `dejavu-fonts-ttf` package, read from node_modules: rendering needs no network,
// and names beyond Latin-1 (Greek, Cyrillic, most of Latin Extended) print as written. pdfkit
// embeds only the glyphs used, so a document stays small.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { InvoiceDocument } from './invoice-document.js';

const fontFile = (name: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`);
const REGULAR = fontFile('DejaVuSans.ttf');
const BOLD = fontFile('DejaVuSans-Bold.ttf');

const MARGIN = 50;
const AMOUNT_WIDTH = 110;
const MUTED = '#555555';
const STAMP_COLOURS: Record<InvoiceDocument['status'], string> = {
  draft: '#b45309',
  open: '#1d4ed8',
  paid: '#15803d',
  void: '#6b7280',
  uncollectible: '#b91c1c',
};

/** Renders the document; resolves with the PDF's bytes. */
export function renderInvoicePdf(doc: InvoiceDocument): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: doc.title, Creator: 'Nozle' } });
  pdf.registerFont('regular', REGULAR);
  pdf.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  header(pdf, doc);
  parties(pdf, doc);
  rows(pdf, doc.facts, 'left');
  lines(pdf, doc);
  rows(pdf, doc.totals, 'right');
  notes(pdf, doc);
  pdf.end();
  return done;
}

type Pdf = InstanceType<typeof PDFDocument>;
const width = (pdf: Pdf) => pdf.page.width - 2 * MARGIN;

function header(pdf: Pdf, doc: InvoiceDocument): void {
  pdf.font('bold').fontSize(20).fillColor('black').text(doc.title, MARGIN, MARGIN);
  pdf
    .font('bold')
    .fontSize(14)
    .fillColor(STAMP_COLOURS[doc.status])
    .text(doc.statusLabel, MARGIN, MARGIN, { width: width(pdf), align: 'right' });
  pdf
    .font('regular')
    .fontSize(10)
    .fillColor(MUTED)
    .text(doc.statusNote, MARGIN, MARGIN + 30, { width: width(pdf) });
  pdf.moveDown(1.5);
}

function parties(pdf: Pdf, doc: InvoiceDocument): void {
  const top = pdf.y;
  const half = width(pdf) / 2 - 10;
  const party = (label: string, who: InvoiceDocument['seller'], x: number) => {
    pdf.font('regular').fontSize(9).fillColor(MUTED).text(label, x, top, { width: half });
    pdf.font('bold').fontSize(11).fillColor('black').text(who.name, { width: half });
    pdf.font('regular').fontSize(10).text(who.details.join('\n'), { width: half });
    return pdf.y;
  };
  const bottom = Math.max(party('From', doc.seller, MARGIN), party('Bill to', doc.customer, MARGIN + half + 20));
  pdf.y = bottom + 16;
}

function rows(pdf: Pdf, list: InvoiceDocument['facts'], side: 'left' | 'right'): void {
  // Totals name their taxes ("VAT 19% on €80.00"): a wider label column than the facts'.
  const labelWidth = side === 'left' ? 130 : 210;
  const x = side === 'left' ? MARGIN : MARGIN + width(pdf) - labelWidth - AMOUNT_WIDTH;
  for (const [i, row] of list.entries()) {
    const strong = side === 'right' && i === list.length - 1;
    const y = pdf.y;
    pdf
      .font(strong ? 'bold' : 'regular')
      .fontSize(10)
      .fillColor(side === 'left' ? MUTED : 'black')
      .text(row.label, x, y, { width: labelWidth });
    pdf.fillColor('black').text(row.value, x + labelWidth, y, { width: side === 'left' ? width(pdf) - labelWidth : AMOUNT_WIDTH, align: side });
    pdf.moveDown(0.3);
  }
  pdf.moveDown(1);
}

function lines(pdf: Pdf, doc: InvoiceDocument): void {
  const descriptionWidth = width(pdf) - AMOUNT_WIDTH - 10;
  const amountX = MARGIN + width(pdf) - AMOUNT_WIDTH;
  const rule = () =>
    pdf
      .moveTo(MARGIN, pdf.y)
      .lineTo(MARGIN + width(pdf), pdf.y)
      .strokeColor('#cccccc')
      .stroke();
  let y = pdf.y;
  pdf.font('bold').fontSize(10).fillColor('black').text('Description', MARGIN, y, { width: descriptionWidth });
  pdf.text('Amount', amountX, y, { width: AMOUNT_WIDTH, align: 'right' });
  pdf.moveDown(0.3);
  rule();
  for (const line of doc.lines) {
    pdf.moveDown(0.4);
    if (pdf.y > pdf.page.height - MARGIN - 80) pdf.addPage();
    y = pdf.y;
    pdf.font('bold').fontSize(10).fillColor('black').text(line.amount, amountX, y, { width: AMOUNT_WIDTH, align: 'right' });
    pdf.text(line.description, MARGIN, y, { width: descriptionWidth });
    pdf
      .font('regular')
      .fontSize(9)
      .fillColor(MUTED)
      .text([line.period, ...line.details].join('\n'), { width: descriptionWidth });
    pdf.moveDown(0.4);
    rule();
  }
  pdf.moveDown(1);
}

function notes(pdf: Pdf, doc: InvoiceDocument): void {
  for (const note of doc.notes)
    pdf
      .font('bold')
      .fontSize(10)
      .fillColor('black')
      .text(note, MARGIN, pdf.y, { width: width(pdf) });
}
