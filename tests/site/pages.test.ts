import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { readPages, textOf, type BuiltPage } from '../support/dist.ts';
import { root, sites } from '../support/sites.ts';
import { readSeed } from '../support/seed.ts';

const seed = readSeed();
const pages = readPages(sites.root.dir, '/');
const page = (url: string): BuiltPage => {
  const found = pages.find((p) => p.url === url);
  if (!found) throw new Error(`no page ${url}; pages: ${pages.map((p) => p.url).join(' ')}`);
  return found;
};
const remarkIds = (el: HTMLElement) => el.querySelectorAll('[data-remark]').map((el) => el.getAttribute('data-remark'));
const reportUrl = `/reports/${seed.id}/`;

describe('the whole report page', () => {
  const full = page(reportUrl);

  it("has the title, the editor's note and every heading in order", () => {
    expect(textOf(full.doc.querySelector('h1')!)).toBe(seed.title);
    const headings = full.doc.querySelectorAll('h2.section-title').map(textOf);
    expect(headings).toEqual(seed.sections);
    expect(full.doc.querySelector('.editors-note')!.textContent).toContain(seed.note);
  });

  it('shows every remark exactly once, under its heading, in order, with its speaker line and text', () => {
    expect(remarkIds(full.doc).sort()).toEqual(seed.remarks.map((r) => r.id).sort());
    const sections = full.doc
      .querySelectorAll('section[aria-labelledby]')
      .filter((s) => s.querySelector('h2.section-title'));
    // One per heading: with none found, the order under each would go unchecked.
    expect(sections).toHaveLength(seed.sections.length);
    for (const section of sections) {
      const title = textOf(section.querySelector('h2')!);
      const expected = seed.remarks.filter((r) => r.section === title).sort((a, b) => a.order - b.order);
      expect(remarkIds(section)).toEqual(expected.map((r) => r.id));
    }
    for (const remark of seed.remarks) {
      const article = full.doc.querySelector(`[data-remark="${remark.id}"]`)!;
      expect(textOf(article.querySelector('.remark-head')!)).toBe(`${remark.speaker} ${remark.school} ${remark.role}`);
      const paragraphs = article.querySelectorAll('.remark-body p').map((p) => p.textContent);
      expect(paragraphs).toEqual(remark.paragraphs);
    }
  });

  it('gives each heading and remark a stable anchor and lists them in a table of contents', () => {
    const tocTargets = full.doc.querySelectorAll('.toc a').map((a) => a.getAttribute('href'));
    for (const remark of seed.remarks) {
      const anchor = remark.file.replace(/\.md$/, '');
      expect(full.doc.getElementById(anchor)?.getAttribute('data-remark')).toBe(remark.id);
      expect(tocTargets).toContain(`#${anchor}`);
    }
    expect(
      tocTargets.filter((h) =>
        seed.sections.some((s) => full.doc.getElementById(h!.slice(1))?.textContent.trim() === s),
      ),
    ).toHaveLength(5);
  });

  it("names each heading once in a screen reader's list of headings: the table of contents is links, not headings", () => {
    const headings = full.doc.querySelectorAll('h1, h2, h3, h4, h5, h6').map(textOf);
    const times = (title: string) => [title, headings.filter((h) => h === title).length];
    expect(seed.sections.map(times)).toEqual(seed.sections.map((title) => [title, 1]));
    expect(full.doc.querySelectorAll('nav.toc li a').map(textOf)).toEqual(expect.arrayContaining(seed.sections));
  });
});

describe('the record of repairs on the whole report page', () => {
  const full = page(reportUrl);

  it('ends the report with 校勘说明: every repair in the record, in plain Chinese, linked to what it concerns', () => {
    const section = full.doc.querySelector('article.report > section.collation')!;
    expect(full.doc.querySelector('article.report')!.lastElementChild).toBe(section);
    expect(textOf(section.querySelector('h2')!)).toBe('校勘说明');
    const items = section.querySelectorAll('li');
    const { punctuation, joins = [], intros = [] } = seed.repairs;
    expect(items).toHaveLength((punctuation ? 1 : 0) + joins.length + intros.length);
    expect(textOf(items[0]!)).toContain(`共 ${punctuation} 处`);
    const anchor = (name: string) => (name === 'note' ? `#note-${seed.id}` : `#${name}`);
    joins.forEach((join, i) => {
      const item = items[1 + i]!;
      expect(textOf(item)).toContain(`${join.after}”`);
      if (join.from) expect(textOf(item)).toContain(`「${join.from}」`);
      expect(item.querySelector('a')!.getAttribute('href')).toBe(anchor(join.remark));
    });
    intros.forEach((intro, i) => {
      const item = items[1 + joins.length + i]!;
      expect(textOf(item)).toContain(`「${intro.from}」`);
      expect(item.querySelector('a')!.getAttribute('href')).toBe(anchor(intro.remark));
    });
  });
});

describe('heading, speaker and organisation pages', () => {
  const sectionPages = pages.filter((p) => p.url.startsWith(reportUrl) && p.url !== reportUrl);
  const speakerPages = pages.filter((p) => /^\/speakers\/[^/]+\/$/.test(p.url) && !p.url.includes('/page/'));
  const orgPages = pages.filter((p) => /^\/orgs\/[^/]+\/$/.test(p.url));

  it('has one page per heading, with its remarks in order and links to its neighbours', () => {
    expect(sectionPages.map((p) => textOf(p.doc.querySelector('h1')!))).toEqual(expect.arrayContaining(seed.sections));
    expect(sectionPages).toHaveLength(seed.sections.length);
    for (const p of sectionPages) {
      const title = textOf(p.doc.querySelector('h1')!);
      const index = seed.sections.indexOf(title);
      expect(remarkIds(p.doc)).toEqual(
        seed.remarks
          .filter((r) => r.section === title)
          .sort((a, b) => a.order - b.order)
          .map((r) => r.id),
      );
      expect(p.doc.querySelector('a[rel=prev]') !== null).toBe(index > 0);
      expect(p.doc.querySelector('a[rel=next]') !== null).toBe(index < seed.sections.length - 1);
    }
  });

  it('shows each remark exactly once on its speaker page and on its organisation page', () => {
    const speakers = new Set(seed.remarks.map((r) => `${r.speaker}|${r.school}`));
    expect(speakerPages).toHaveLength(speakers.size);
    expect(speakers.size).toBe(9);
    for (const p of speakerPages) {
      const name = textOf(p.doc.querySelector('h1')!);
      expect(remarkIds(p.doc).sort()).toEqual(
        seed.remarks
          .filter((r) => r.speaker === name)
          .map((r) => r.id)
          .sort(),
      );
    }
    const schools = new Set(seed.remarks.map((r) => r.school));
    expect(orgPages).toHaveLength(schools.size);
    for (const p of orgPages) {
      const name = textOf(p.doc.querySelector('h1')!);
      expect(remarkIds(p.doc).sort()).toEqual(
        seed.remarks
          .filter((r) => r.school === name)
          .map((r) => r.id)
          .sort(),
      );
    }
  });

  it('links every remark on a speaker page back to its place in the report, saying where', () => {
    for (const p of speakerPages) {
      for (const article of p.doc.querySelectorAll('[data-remark]')) {
        const place = article.querySelectorAll('a').map((a) => a.getAttribute('href'));
        const anchor = article.getAttribute('data-remark')!.split('/').pop();
        expect(place).toContain(`${reportUrl}#${anchor}`);
        const { speaker, school, role } = seed.remarks.find((r) => r.file.replace(/\.mdx?$/, '') === anchor)!;
        expect(textOf(article.querySelector('.remark-place')!)).toBe(
          `${speaker} ${school} ${role} · 见《${seed.title}》`,
        );
      }
    }
  });
});

describe('home, indexes and 404', () => {
  it("shows the report title, date, editor's note and headings with their speakers", () => {
    const home = page('/');
    expect(textOf(home.doc.querySelector('h1')!)).toBe(seed.title);
    expect(home.doc.querySelector('.meta')!.textContent).toContain('2015年');
    expect(home.doc.querySelector('.editors-note')!.textContent).toContain(seed.note);
    expect(home.doc.querySelectorAll('.outline-section').map(textOf)).toEqual(seed.sections);
    const links = home.doc.querySelectorAll('.speaker-list a').map((a) => a.getAttribute('href'));
    expect(links).toHaveLength(seed.remarks.length);
    for (const hidden of home.doc.querySelectorAll('.speaker-list .sr-only')) hidden.remove();
    expect(home.doc.querySelectorAll('.speaker-list li').map(textOf)).toContain('叶向红 区委教工委 书记');
  });

  it('lists every speaker and organisation on the index pages', () => {
    const speakers = page('/speakers/').doc.querySelectorAll('.index-list a').map(textOf);
    expect(new Set(speakers)).toEqual(new Set(seed.remarks.map((r) => r.speaker)));
    const orgs = page('/orgs/').doc.querySelectorAll('.index-list a').map(textOf);
    expect(new Set(orgs)).toEqual(new Set(seed.remarks.map((r) => r.school)));
  });

  it('has a Chinese 404 page', () => {
    const notFound = page('/404');
    expect(textOf(notFound.doc.querySelector('h1')!)).toBe('页面未找到');
  });

  it('marks every page as Chinese and uses only ASCII URLs', () => {
    for (const p of pages) {
      expect(p.html.startsWith('<!DOCTYPE html><html lang="zh-CN"'), p.url).toBe(true);
      expect(p.url, p.url).toMatch(/^[\x21-\x7e]+$/);
    }
  });

  it('has canonical and Open Graph tags and a sitemap when site is set, and none without', () => {
    const home = page('/');
    expect(home.doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe('https://example.org/');
    expect(home.doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe('党建报告');
    const sitemap = readFileSync(`${sites.root.dir}sitemap.xml`, 'utf8');
    for (const p of pages.filter((p) => p.url !== '/404' && p.url !== '/offline/'))
      expect(sitemap).toContain(`<loc>https://example.org${p.url}</loc>`);
    // The page the service worker serves offline in place of one not saved is no page to find.
    expect(sitemap).not.toContain('/offline/');
    // Nor are it and the 404 page, served in place of others, addresses to name or index.
    for (const url of ['/404', '/offline/']) {
      expect(page(url).doc.querySelector('link[rel=canonical], meta[property="og:url"]'), url).toBeNull();
      expect(page(url).doc.querySelector('meta[name=robots]')?.getAttribute('content'), url).toBe('noindex');
    }
    const subHome = readPages(sites.sub.dir, sites.sub.base).find((p) => p.url === sites.sub.base)!;
    expect(subHome.doc.querySelector('link[rel=canonical]')).toBeNull();
    expect(existsSync(`${sites.sub.dir}sitemap.xml`)).toBe(false);
  });
});

it('reads the seed from the committed content', () => {
  expect(existsSync(`${root}content/reports/${seed.id}/index.md`)).toBe(true);
  expect(seed.remarks).toHaveLength(16);
});

describe('edit links and last update', () => {
  const full = page(reportUrl);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

  it('link the report page and each remark to their Markdown on GitHub when the edit URL is set, and hide it otherwise', () => {
    const edit = full.doc.querySelector('.page-source a')!;
    expect(edit.textContent).toBe('在 GitHub 上编辑此页');
    expect(edit.getAttribute('href')).toBe(`${sites.root.editBase}content/reports/${seed.id}/index.md`);
    const remarkLinks = full.doc.querySelectorAll('.remark-edit a').map((a) => a.getAttribute('href'));
    expect(remarkLinks.sort()).toEqual(
      seed.remarks.map((r) => `${sites.root.editBase}content/reports/${seed.id}/remarks/${r.file}`).sort(),
    );
    const sub = readPages(sites.sub.dir, sites.sub.base).find((p) => p.url === `${sites.sub.base}reports/${seed.id}/`)!;
    expect(sub.html).not.toContain('在 GitHub 上编辑');
  });

  it("show the date of the last commit to the page's files, or nothing in a shallow clone", () => {
    const time = full.doc.querySelector('.page-source time');
    if (git('rev-parse', '--is-shallow-repository') === 'true') {
      expect(time).toBeNull();
      return;
    }
    const expected = git('log', '-1', '--format=%cs', '--', `content/reports/${seed.id}`);
    if (!expected) return expect(time).toBeNull(); // content not committed yet (a working copy)
    expect(time?.getAttribute('datetime')).toBe(expected);
  });
});
