// opencc-js publishes its dictionaries' modules without type declarations.
declare module 'opencc-js/to/cn' {
  const dictionaries: import('opencc-js/core').DictGroup[];
  export default dictionaries;
}
declare module 'opencc-js/from/hk' {
  const dictionaries: import('opencc-js/core').DictGroup[];
  export default dictionaries;
}

/** src/scripts/offline-save.js: a build's whole offline copy, saved by a page or by the build's service worker. */
// eslint-disable-next-line no-var
declare var offlineCopy: {
  cacheName(base: string, kind: 'pages' | 'search', build: string): string;
  save(cache: Cache, url: string, build?: string): Promise<void>;
  /** `offline/files.json`, what a build's whole copy holds; a NewBuildError if the site has a newer build. */
  files(base: string, build: string): Promise<import('./integrations/offline/copy.ts').OfflineFiles>;
  /** The key, in a build's pages cache, that marks its copy complete. */
  complete(base: string): string;
  /** Rejects with a NewBuildError when the site has a newer build, a QuotaExceededError when the device is full, or
   * a TypeError when the network fails. */
  saveAll(
    base: string,
    build: string,
    progress: (done: number, total: number) => void,
    keep?: () => Promise<boolean>,
  ): Promise<void>;
};

/** The Network Information API, where the browser has it (Chromium): `saveData` is the reader's data saver. */
interface Navigator {
  readonly connection?: { readonly saveData?: boolean };
}
