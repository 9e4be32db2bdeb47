import { describe, expect, it, vi } from 'vitest';
import { autoPage, type Page } from './pagination.js';

type Params = { limit?: number; starting_after?: string };

function pages(...data: string[][]) {
  return vi.fn(async (params: Params): Promise<Page<{ id: string }>> => {
    const index = params.starting_after === undefined ? 0 : Number(params.starting_after.slice(1)) + 1;
    const page = data[index] ?? [];
    return { data: page.map((id) => ({ id })), has_more: index < data.length - 1 };
  });
}

async function collect(iterable: AsyncIterable<{ id: string }>): Promise<string[]> {
  const ids: string[] = [];
  for await (const item of iterable) ids.push(item.id);
  return ids;
}

describe('autoPage', () => {
  it('yields every item across pages, keeping the other params', async () => {
    const fetchPage = pages(['a', 'p0'], ['b', 'p1'], ['c']);
    expect(await collect(autoPage({ limit: 2 }, fetchPage))).toEqual(['a', 'p0', 'b', 'p1', 'c']);
    expect(fetchPage.mock.calls.map(([params]) => params)).toEqual([{ limit: 2 }, { limit: 2, starting_after: 'p0' }, { limit: 2, starting_after: 'p1' }]);
  });

  it('fetches the next page only when the loop gets that far', async () => {
    const fetchPage = pages(['a', 'p0'], ['b']);
    for await (const item of autoPage({}, fetchPage)) {
      expect(item.id).toBe('a');
      break;
    }
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('stops at an empty page even when it claims has_more', async () => {
    const fetchPage = vi.fn(async () => ({ data: [], has_more: true }));
    expect(await collect(autoPage({}, fetchPage))).toEqual([]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('passes a failed page on to the loop', async () => {
    const fetchPage = vi
      .fn<(params: Params) => Promise<Page<{ id: string }>>>()
      .mockResolvedValueOnce({ data: [{ id: 'a' }], has_more: true })
      .mockRejectedValueOnce(new Error('page 2 failed'));
    await expect(collect(autoPage({}, fetchPage))).rejects.toThrow('page 2 failed');
  });
});
