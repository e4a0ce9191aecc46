import { describe, expect, it } from 'vitest';
import { imageProblem, linkProblem, schemeOf } from '../../src/lib/safe-url.ts';

/** Addresses a browser would run, however they are disguised. */
const hostile = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java&#115;cript:alert(1)',
  '&#x6A;avascript:alert(1)',
  '&#106;&#97;vascript:alert(1)',
  'javascript&colon;alert(1)',
  '%6Aavascript:alert(1)',
  'java%0ascript:alert(1)',
  'java\tscript:alert(1)',
  ' \u0001javascript:alert(1)',
  '\u200bjavascript:alert(1)',
  'java&amp;#115;cript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD4=',
  'DATA:image/png;base64,AAAA',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
];

describe('links', () => {
  it.each(hostile)('refuses %j in Chinese, naming the scheme', (url) => {
    const problem = linkProblem(url);
    expect(problem).toMatch(/以 (javascript|data|vbscript|file): 开头/);
  });

  it.each(['//evil.example/x', '/\\evil.example/x', '\\\\evil.example'])('refuses %j, whose host is unclear', (url) => {
    expect(linkProblem(url)).toContain('以 // 开头');
  });

  it.each([
    'https://example.org/a?b=c#d',
    'http://example.org',
    'HTTPS://EXAMPLE.ORG',
    'mailto:editor@example.org',
    '/reports/',
    './other',
    '../other',
    '#1-1-zhang-san',
    'other-page/',
    '?q=1',
    '',
  ])('accepts %j', (url) => {
    expect(linkProblem(url)).toBeUndefined();
  });

  it('reads the scheme as a browser would', () => {
    expect(schemeOf('  JaVa&#x73;cript:x')).toBe('javascript');
    expect(schemeOf('./a:b')).toBeUndefined();
  });
});

describe('images', () => {
  const exists = (path: string) => path === './photo.jpg' || path === 'photo.jpg';

  it.each(['https://images.example.com/a.jpg', 'http://x/a.png', '//cdn.example/a.png', 'data:image/png;base64,AAAA'])(
    'refuses %j from elsewhere',
    (url) => {
      expect(imageProblem(url, exists)).toContain('不是本站的文件');
    },
  );

  it('refuses a missing file or an absolute path, and accepts a file beside the content', () => {
    expect(imageProblem('./missing.jpg', exists)).toContain('找不到图片文件');
    expect(imageProblem('/photo.jpg', () => true)).toContain('找不到图片文件');
    expect(imageProblem('./photo.jpg', exists)).toBeUndefined();
    expect(imageProblem('photo.jpg', exists)).toBeUndefined();
  });
});
