import { describe, expect, it } from 'vitest';
import { IMAGE_MAX_BYTES, imageProblem, linkProblem, schemeOf, type ImageFile } from '../../src/lib/safe-url.ts';

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
    'tel:+86-10-12345678',
    '/reports/',
    '/reports/2015-dangjian-zuotanhui/#1-1-ye-xianghong',
  ])('accepts %j', (url) => {
    expect(linkProblem(url)).toBeUndefined();
  });

  it.each([
    ['./other', '不是从 / 开始的'],
    ['../other/', '不是从 / 开始的'],
    ['#1-1-zhang-san', '不是从 / 开始的'],
    ['other-page/', '不是从 / 开始的'],
    ['?q=1', '不是从 / 开始的'],
    ['', '是空的'],
    ['www.example.org', '缺少开头的 https://'],
    ['example.org/page', '缺少开头的 https://'],
    ['example.org/page.html', '缺少开头的 https://'],
    ['agenda.pdf', '指向一个文件'],
    ['./议程.docx', '指向一个文件'],
    ['1-2-wang-xin.md#x', '指向一个文件'],
    ['https：//example.org', '冒号是中文的「：」'],
    ['ftp://example.org/', '以 ftp: 开头，网站不允许这种链接。'],
  ])('refuses %j, which would lead nowhere from some page, saying %j', (url, why) => {
    expect(linkProblem(url)).toContain(why);
  });

  it('reads the scheme as a browser would', () => {
    expect(schemeOf('  JaVa&#x73;cript:x')).toBe('javascript');
    expect(schemeOf('./a:b')).toBeUndefined();
  });
});

describe('images', () => {
  const head = (...bytes: (number | string)[]) =>
    Uint8Array.from(bytes.flatMap((b) => (typeof b === 'string' ? [...b].map((c) => c.charCodeAt(0)) : [b])));
  const JPEG = head(0xff, 0xd8, 0xff, 0xe0);
  const PNG = head(0x89, 'PNG\r\n\x1a\n');
  const jpeg = { bytes: 1000, head: JPEG };
  const exists = (path: string) => (path === './photo.jpg' || path === 'photo.jpg' ? jpeg : undefined);

  it.each(['https://images.example.com/a.jpg', 'http://x/a.png', '//cdn.example/a.png', 'data:image/png;base64,AAAA'])(
    'refuses %j from elsewhere',
    (url) => {
      expect(imageProblem(url, exists)).toContain('不是本站的文件');
    },
  );

  it('refuses a missing file or an absolute path, and accepts a file beside the content', () => {
    expect(imageProblem('./missing.jpg', exists)).toContain('找不到图片文件');
    expect(imageProblem('/photo.jpg', () => jpeg)).toContain('找不到图片文件');
    expect(imageProblem('./photo.jpg', exists)).toBeUndefined();
    expect(imageProblem('photo.jpg', exists)).toBeUndefined();
    expect(imageProblem('./%E7%85%A7.jpg?x#y', (path) => (path === './照.jpg' ? jpeg : undefined))).toBeUndefined();
  });

  it.each(['./a.gif', './a.heic', './a.svg', './a', './a.jpg.txt'])(
    'refuses %j, of a type the site does not take',
    (url) => {
      expect(imageProblem(url, () => jpeg)).toMatch(/网站只接受 JPEG、PNG、WebP、AVIF 格式的图片/);
    },
  );

  it('accepts each type whose first bytes say it is one, whatever the case of its extension', () => {
    const files = {
      'a.JPG': JPEG,
      'a.jpeg': JPEG,
      'a.png': PNG,
      'a.webp': head('RIFF', 0, 0, 0, 0, 'WEBP'),
      'a.avif': head(0, 0, 0, 0x1c, 'ftypavif'),
    };
    for (const [name, bytes] of Object.entries(files))
      expect(
        imageProblem(`./${name}`, () => ({ bytes: 10, head: bytes })),
        name,
      ).toBeUndefined();
  });

  it('refuses a file larger than the limit, saying how large it is', () => {
    expect(imageProblem('./a.jpg', () => ({ bytes: IMAGE_MAX_BYTES, head: JPEG }))).toBeUndefined();
    // Never a size that reads as the limit itself.
    expect(imageProblem('./a.jpg', () => ({ bytes: IMAGE_MAX_BYTES + 1, head: JPEG }))).toContain(
      '有 5242881 B，超过了 5242880 B 的上限',
    );
    expect(imageProblem('./a.jpg', () => ({ bytes: IMAGE_MAX_BYTES + 10_000, head: JPEG }))).toContain(
      '有 5.01 MB，超过了 5.00 MB 的上限',
    );
    expect(imageProblem('./a.jpg', () => ({ bytes: 7.34 * 1024 * 1024, head: JPEG }))).toContain('有 7.3 MB');
  });

  it('refuses a file whose pixels cannot be read, or too many to resize', () => {
    const file = (pixels: ImageFile['pixels']) => () => ({ bytes: 10, head: JPEG, pixels });
    expect(imageProblem('./a.jpg', file(null))).toContain('读不出图像的大小');
    expect(imageProblem('./a.jpg', file({ width: 20000, height: 14000 }))).toContain('有 20000×14000 像素，太大');
    expect(imageProblem('./a.jpg', file({ width: 4000, height: 3000 }))).toBeUndefined();
  });

  it('refuses a file whose first bytes say it is something else, naming the right extension when it can', () => {
    expect(imageProblem('./a.jpg', () => ({ bytes: 10, head: PNG }))).toContain(
      '其实是 PNG 格式，和扩展名不符。请把文件的扩展名改成 .png',
    );
    expect(imageProblem('./a.png', () => ({ bytes: 0, head: new Uint8Array(16) }))).toContain('不是 PNG 图片');
  });

  it('shows the example it is given for the fix', () => {
    expect(imageProblem('./missing.jpg', () => undefined, '<Figure src="./x.jpg" />')).toContain(
      '<Figure src="./x.jpg" />',
    );
  });
});
