// Walks a list endpoint page by page, following `has_more` and `starting_after`.

/** One page of a list endpoint, as the API returns it. */
export interface Page<Item> {
  data: Item[];
  has_more: boolean;
}

/**
 * Yields every item from `params.starting_after` on (the first page when absent), fetching the
 * next page only when the items of the previous one have been consumed.
 */
export async function* autoPage<Item extends { id: string }, Params extends { starting_after?: string }>(
  params: Params,
  fetchPage: (params: Params) => Promise<Page<Item>>,
): AsyncGenerator<Item, void, undefined> {
  let page = await fetchPage(params);
  for (;;) {
    yield* page.data;
    const last = page.data.at(-1);
    // An empty page that claims `has_more` would otherwise ask for the same page forever.
    if (!page.has_more || last === undefined) return;
    page = await fetchPage({ ...params, starting_after: last.id });
  }
}
