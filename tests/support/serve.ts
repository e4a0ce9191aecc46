// Serves a built site on 127.0.0.1 the way a static host does: under its base path, gzip for text files,
// directory URLs to index.html, 404.html for unknown paths. For the browser tests and the benchmark.
//
// Gzip only, as GitHub Pages and nginx's gzip module serve, and for files of 20 bytes or more (nginx's default
// gzip_min_length): the compression middleware would otherwise answer with brotli whenever the browser offers it
// (Chromium does), and leave files under 1 KB uncompressed, so the benchmark's bytes would be another host's.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import compression from 'compression';
import sirv from 'sirv';

export interface Served {
  /** The site's URL, base path included, e.g. `http://127.0.0.1:41234/some/path/`. */
  url: string;
  origin: string;
  /** Every request the server answered, as `path` (with query), in order. */
  requests: string[];
  /** Every response the server finished, in order, with the bytes it sent for it (status line, headers, body). */
  sent: { url: string; bytes: number }[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Read files on every request (sirv's dev mode), for tests that change the site while it is served. */
  live?: boolean;
  /** Extra response headers, e.g. a Content-Security-Policy. */
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering a request for `url` (path with query), to slow some files down. */
  delay?: ((url: string) => number) | undefined;
}

/** Starts a static server for `dir` mounted at `base` (e.g. `/` or `/some/path/`); call `close()` when done. */
export async function serve(dir: string, base: string, options: ServeOptions = {}): Promise<Served> {
  const gzip = compression({ threshold: 20 });
  const files = sirv(dir, { dev: options.live ?? false, etag: true, dotfiles: false });
  const requests: string[] = [];
  const sent: Served['sent'] = [];
  const notFound = async (res: ServerResponse) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(await readFile(`${dir.replace(/\/?$/, '/')}404.html`).catch(() => 'Not found'));
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    requests.push(req.url ?? '');
    // One response at a time on a connection (no pipelining): what the socket sent meanwhile is this response.
    const [asked, before] = [req.url ?? '', req.socket.bytesWritten];
    res.on('finish', () => sent.push({ url: asked, bytes: req.socket.bytesWritten - before }));
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    const url = req.url ?? '/';
    if (!url.startsWith(base)) return void notFound(res);
    const accepted = req.headers['accept-encoding'];
    if (accepted) req.headers['accept-encoding'] = /\bgzip\b/.test(accepted) ? 'gzip' : 'identity';
    setTimeout(
      () =>
        gzip(req as never, res as never, () => {
          req.url = `/${url.slice(base.length)}`;
          files(req, res, () => void notFound(res));
        }),
      options.delay?.(url) ?? 0,
    );
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin + base,
    origin,
    requests,
    sent,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
