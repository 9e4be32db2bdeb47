// Stripe's metadata rules: an update merges key by key, "" removes a key, null clears all.

export type Metadata = Record<string, string>;

export function mergeMetadata(current: Metadata, update: Metadata | null | undefined): Metadata {
  if (update === undefined) return current;
  if (update === null) return {};
  const merged: Metadata = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === '') delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** Drops keys set to "" on creation, where there is nothing to remove. */
export const cleanMetadata = (metadata: Metadata | undefined): Metadata => mergeMetadata({}, metadata ?? {});
