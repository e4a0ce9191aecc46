// opencc-js publishes its dictionaries' modules without type declarations.
declare module 'opencc-js/to/cn' {
  const dictionaries: import('opencc-js/core').DictGroup[];
  export default dictionaries;
}
