/** The URL of the search dialog's code (src/client/search.ts): searchChunkPlugin in searchIndex.ts provides it. */
declare module 'virtual:dockside-search-chunk' {
  const url: string;
  export default url;
}
