// Cursor pagination shared by every list: fetch one more than asked to know whether more follow.
import { notFound } from './errors.js';

interface ListEnvelope<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/** The list query every list endpoint takes; `limit` defaults to 10 (the spec's default). */
interface PageRequest {
  limit?: number;
  starting_after?: string;
}

/**
 * Resolves the cursor (an id of this project, else 404 naming `starting_after`), then reads
 * `limit + 1` rows.
 */
export async function paginate<T>(
  url: string,
  page: PageRequest,
  what: string,
  seqOf: (id: string) => Promise<number | undefined>,
  fetch: (limit: number, afterSeq: number | undefined) => Promise<T[]>,
): Promise<ListEnvelope<T>> {
  let afterSeq: number | undefined;
  if (page.starting_after !== undefined) {
    afterSeq = await seqOf(page.starting_after);
    if (afterSeq === undefined) throw notFound(what, page.starting_after, 'starting_after');
  }
  const limit = page.limit ?? 10;
  const rows = await fetch(limit + 1, afterSeq);
  return { object: 'list', data: rows.slice(0, limit), has_more: rows.length > limit, url };
}
