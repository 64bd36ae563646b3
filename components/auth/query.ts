/** A page's search parameters, as Next hands them over. */
export type Query = Record<string, string | string[] | undefined>;

export function queryText(query: Query, key: string): string | null {
  const value = query[key];
  return typeof value === "string" ? value : null;
}
