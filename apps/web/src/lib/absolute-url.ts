/** Resolves a possibly relative URL from the API (e.g. `/hooks/abc`) against the page's origin. */
export function absoluteUrl(params: { url: string; origin: string }): string {
  try {
    return new URL(params.url, params.origin).toString();
  } catch {
    return params.url;
  }
}
