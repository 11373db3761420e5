/**
 * Where the search bundle is served from. Shared by the build step (src/search/searchIndex.ts),
 * which writes it, and the browser code (src/client/search.ts), which imports it when search opens;
 * so this file imports nothing.
 */
export const SEARCH_BUNDLE = '/pagefind/';
