// Helpers for the browser accessibility suite (tests/browser/pages.test.ts): axe-core injected into the page, a
// watcher for console errors, failed requests, requests to other hosts and CSP violations, the page's CSP, a
// keyboard walk, and a failure report that names the page, the check, the rule and the element.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { installProbe, type FocusStep, type Probe } from './a11y-probe.ts';

export { installProbe };

/** The WCAG levels the issue asks for. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One problem found on one page. */
export interface Finding {
  check: string;
  rule: string;
  element: string;
  detail: string;
}

/** A readable report: one line per finding, grouped by page. */
export function report(findings: Map<string, Finding[]>): string {
  const lines: string[] = [];
  for (const [page, list] of findings) {
    if (!list.length) continue;
    lines.push(page);
    for (const f of list)
      lines.push(
        `  [${f.check}] ${f.rule}${f.element ? ` — ${f.element}` : ''}${f.detail ? `\n      ${f.detail}` : ''}`,
      );
  }
  return lines.join('\n');
}

/** axe-core for `context.addInitScript`: in every document from the start, outside the page's CSP. */
export const axeScript = { content: axeSource };

/** Runs axe-core (injected through DevTools, so the page's CSP does not apply to it) for the WCAG tags. */
export async function axe(page: Page, check: string): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const { axe } = window as unknown as {
      axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> };
    };
    interface AxeViolation {
      id: string;
      impact?: string;
      help: string;
      nodes: { target: unknown[]; failureSummary?: string; html: string }[];
    }
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String).join(' '),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
        html: n.html,
      })),
    }));
  }, AXE_TAGS);
  return violations.flatMap((v) =>
    v.nodes.map((n) => ({
      check,
      rule: `${v.id} (${v.impact}): ${v.help}`,
      element: n.target,
      detail: `${n.summary} ${n.html.length > 160 ? `${n.html.slice(0, 160)}…` : n.html}`,
    })),
  );
}

/** The page's Content-Security-Policy as directive → sources, from its <meta http-equiv>. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** What every page's policy must say. Search runs on every page (the search dialog), so every page may compile
 * Pagefind's WebAssembly: 'wasm-unsafe-eval', which allows no eval(). */
export function cspProblems(metas: string[]): string[] {
  if (metas.length !== 1) return [`${metas.length} <meta http-equiv="Content-Security-Policy"> elements (expected 1)`];
  const csp = parseCsp(metas[0]!);
  const problems: string[] = [];
  const script = csp.get('script-src') ?? csp.get('default-src');
  if (!csp.has('script-src')) problems.push('no script-src');
  const want = (name: string, value: string) => {
    const got = csp.get(name);
    if (got?.join(' ') !== value) problems.push(`${name} is ${got ? got.join(' ') : 'missing'} (expected ${value})`);
  };
  want('object-src', "'none'");
  want('base-uri', "'self'");
  want('default-src', "'self'");
  for (const [name, sources] of csp) {
    if (!/^(script|style)-src/.test(name) && name !== 'default-src') continue;
    for (const s of sources)
      if (
        s === "'unsafe-inline'" ||
        s === "'unsafe-eval'" ||
        s === '*' ||
        /^(https?|data|blob):/i.test(s) ||
        /^[a-z0-9.-]+\.[a-z]{2,}/i.test(s)
      )
        problems.push(`${name} allows ${s}`);
  }
  if (!script?.includes("'wasm-unsafe-eval'")) problems.push("no 'wasm-unsafe-eval': search cannot run");
  return problems;
}

/** Everything one visit did wrong on the wire and in the console, collected between `reset()` calls. */
export interface Watcher {
  reset(): void;
  findings(): Finding[];
}

/** Watches a context's pages and requests: console errors, page errors, failed requests, other hosts. */
export function watch(context: BrowserContext, origin: string): Watcher {
  let found: Finding[] = [];
  const add = (rule: string, element: string, detail = '') =>
    found.push({ check: 'network/console', rule, element, detail });
  const onPage = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') add('console error', '', m.text());
    });
    page.on('pageerror', (e) => add('uncaught exception', '', e.message));
  };
  context.pages().forEach(onPage);
  context.on('page', onPage);
  context.on('request', (r) => {
    const url = r.url();
    if (/^(data|blob|about):/.test(url)) return;
    if (new URL(url).origin !== origin)
      add('request to another host', url, `${r.resourceType()}${r.serviceWorker() ? ' from the service worker' : ''}`);
  });
  context.on('requestfailed', (r) => {
    // A navigation replaced by the next one, or a service-worker precache aborted by the context closing, is no failure.
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    add('failed request', r.url(), r.failure()?.errorText ?? '');
  });
  context.on('response', (r) => {
    if (r.status() >= 400) add(`HTTP ${r.status()}`, r.url());
  });
  return {
    reset: () => void (found = []),
    findings: () => found,
  };
}

/** The probe installed in the page by `installProbe`. */
export const probe = <T>(page: Page, fn: (p: Probe) => T) =>
  page.evaluate<Awaited<T>>(`(${fn.toString()})(window.__a11y)`);

/**
 * Walks the page with Tab from a fresh load: the skip link comes first, every control is reached, and each shows a
 * visible focus indicator, on screen and not covered. Then the skip link, activated, leads to <main>.
 */
export async function keyboardWalk(page: Page): Promise<Finding[]> {
  const findings: Finding[] = [];
  const add = (rule: string, element: string, detail = '') =>
    findings.push({ check: 'keyboard', rule, element, detail });
  const expected = await probe(page, (p) => p.tabbables());
  const reached = new Set<number>();
  const order: FocusStep[] = [];
  for (let i = 0; i < expected.length + 3; i++) {
    await page.keyboard.press('Tab');
    const step = await probe(page, (p) => p.focusStep());
    if (step.left || (order.length && step.index === order[0]!.index)) break;
    order.push(step);
    if (step.index >= 0) reached.add(step.index);
    for (const problem of step.problems) add('focus not visible', step.element, problem);
  }
  const first = order[0];
  if (!first || !first.element.includes('skip-link'))
    add('skip link first', first?.element ?? '(nothing)', 'the first Tab should focus the skip link');
  expected.forEach((el, i) => {
    if (!reached.has(i)) add('unreachable by Tab', el);
  });
  for (const step of order) if (step.index < 0) add('focus on an element that is not a visible control', step.element);
  // The skip link moves focus to the main content.
  await page.evaluate(() => scrollTo(0, 0));
  await page.focus('.skip-link').catch(() => undefined);
  if (await page.$('.skip-link')) {
    await page.keyboard.press('Enter');
    const target = await page.evaluate(() => ({ id: document.activeElement?.id ?? '', hash: location.hash }));
    if (target.id !== 'main')
      add(
        'skip link',
        'a.skip-link',
        `Enter on the skip link focused #${target.id || '(nothing)'} instead of <main id="main">`,
      );
  }
  return findings;
}
