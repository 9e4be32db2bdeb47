// Just enough Markdown for the guides in docs/ (headings, paragraphs, lists, fenced code, pipe
// tables, inline code, bold and links), so the server can show them without a dependency.
// Everything is escaped first: the output holds no HTML the source did not ask for.

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Inline markup of one line; code spans are kept apart so nothing inside them is formatted. */
function renderInline(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) => {
      if (part.length > 1 && part.startsWith('`') && part.endsWith('`')) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      return escapeHtml(part)
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_match, label: string, href: string) =>
          // Only plain web and relative links: a `javascript:` URL in a guide would run in the page.
          /^(https?:\/\/|\/|#|\.)/.test(href) ? `<a href="${href}">${label}</a>` : label,
        );
    })
    .join('');
}

const cells = (row: string): string[] =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());

const isTableRule = (line: string | undefined): boolean => line !== undefined && /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(line);

export function renderMarkdown(source: string): string {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const fence = /^```(\w*)\s*$/.exec(line);
    if (fence) {
      const code: string[] = [];
      for (i += 1; i < lines.length && !/^```\s*$/.test(lines[i]!); i += 1) code.push(lines[i]!);
      i += 1; // the closing fence
      const lang = fence[1] ? ` class="language-${fence[1]}"` : '';
      out.push(`<pre><code${lang}>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const text = heading[2]!;
      const id = text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      out.push(`<h${level} id="${id}">${renderInline(text)}</h${level}>`);
      i += 1;
      continue;
    }
    if (line.trim().startsWith('|') && isTableRule(lines[i + 1])) {
      const head = cells(line);
      const body: string[][] = [];
      for (i += 2; i < lines.length && lines[i]!.trim().startsWith('|'); i += 1) body.push(cells(lines[i]!));
      const row = (tag: string, values: string[]) => `<tr>${values.map((value) => `<${tag}>${renderInline(value)}</${tag}>`).join('')}</tr>`;
      out.push(`<table><thead>${row('th', head)}</thead><tbody>${body.map((values) => row('td', values)).join('')}</tbody></table>`);
      continue;
    }
    if (/^\s*[-*]\s+/.test(line)) {
      const items: string[] = [];
      for (; i < lines.length && /^\s*[-*]\s+/.test(lines[i]!); i += 1) items.push(lines[i]!.replace(/^\s*[-*]\s+/, ''));
      out.push(`<ul>${items.map((item) => `<li>${renderInline(item)}</li>`).join('')}</ul>`);
      continue;
    }
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    // A paragraph runs until a blank line or the start of another block.
    const paragraph: string[] = [line];
    for (i += 1; i < lines.length && lines[i]!.trim() !== '' && !/^(```|#{1,6}\s|\s*[-*]\s|\s*\|)/.test(lines[i]!); i += 1) paragraph.push(lines[i]!);
    out.push(`<p>${renderInline(paragraph.join(' '))}</p>`);
  }
  return out.join('\n');
}
