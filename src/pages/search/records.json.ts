// The search records as JSON: the integration indexes them with Pagefind after the build (and on demand under
// `astro dev`), then removes the file from the output, since the published index carries the same text.
import type { APIRoute } from 'astro';
import { searchRecords } from './_records.ts';

export const GET: APIRoute = async () => Response.json(await searchRecords());
