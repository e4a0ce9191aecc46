// Every search file, under `search-index/<version>/` (src/lib/search/files.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { searchFiles } from '../../lib/search/files.ts';

export const getStaticPaths = (async () => {
  const { version, files } = await searchFiles();
  return [...files].map(([path, body]) => ({ params: { file: `${version}/${path}` }, props: { body } }));
}) satisfies GetStaticPaths;

// The type matters only to `astro dev`, which would otherwise refuse to run pagefind.js as a module.
export const GET: APIRoute<{ body: Uint8Array<ArrayBuffer> }> = ({ props, params }) =>
  new Response(props.body, { headers: params.file?.endsWith('.js') ? { 'content-type': 'text/javascript' } : {} });
