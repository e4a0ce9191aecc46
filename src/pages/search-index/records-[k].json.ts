// `search-index/records-<k>.json`: the search records, in archive order (record.ts). The search integration
// indexes them once the build has written them (src/integrations/search.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import type { SearchRecord } from '../../scripts/search/record.ts';
import { recordFiles } from '../search/_records.ts';

export const getStaticPaths = (async () =>
  (await recordFiles()).map((records, k) => ({
    params: { k: String(k) },
    props: { records },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ records: SearchRecord[] }> = ({ props }) => Response.json(props.records);
