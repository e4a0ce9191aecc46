// The search text of an entry (src/lib/text.ts), from the HTML the site's Markdown processor renders. When it replaced
// the records' own Markdown parse it gave the same text for the seed content and every valid fixture file; these
// texts pin it.
import { describe, expect, it } from 'vitest';
import config from '../../../astro.config.mjs';
import { contentModel } from '../../../src/content.config.ts';
import { checkContent } from '../../../src/lib/check.ts';
import { entryText, htmlText } from '../../../src/lib/text.ts';
import { root } from '../../support/sites.ts';

const renderer = await config.markdown!.processor!.createRenderer({ syntaxHighlight: false });
const textOf = async (markdown: string) => htmlText((await renderer.render(markdown, { frontmatter: {} })).code);

const SEED = {
  '2015-dangjian-zuotanhui/index':
    '为庆祝建党94周年，区委教工委组织召开了教育系统党建工作座谈会，7所学校的书记做了主题发言，介绍了本单位党建的做法和经验。区委教工委书记叶向红要求切实按照中央要求，加强基层服务型党组织建设，紧密联系“三严三实”专题教育，推动基层党组织在强化服务中更好地发挥领导核心和政治核心作用，为办好人民满意教育提供坚强有力的组织保证。',
  '2015-dangjian-zuotanhui/remarks/3-2-zhao-weidong':
    '开展了“美在银河”随手拍、“爱在银河”主题征文、“为xxx点赞”、“银河之星”评比等一系列活动，弘扬正能量，凝聚人心；创建银河family微信群，让大家在银河大家庭中找到归属感。创建党员责任区，激活了党支部工作的活力，密切了党群关系。',
  '2015-dangjian-zuotanhui/remarks/5-2-wang-fu':
    '为全面提升党建科学化、制度化、规范化水平，支部积极探索有效工作途径，拓宽服务范围，提高服务效率。明确了“科学规范管理，文明高效服务”的工作目标，用科学规范的管理，强化服务意识，促进服务水平，注重服务实效。',
};

describe('the search text of an entry', () => {
  it('is the printed text of seed files', async () => {
    process.chdir(root);
    const { entries } = await checkContent('content', contentModel);
    for (const [id, text] of Object.entries(SEED))
      expect(await textOf(entries.find((e) => e.id === id)!.parsed.markdown), id).toBe(text);
  });

  it('joins lines inside Chinese text, keeps a space between Latin words and between blocks, and drops markup', async () => {
    const markdown =
      '中文第一行\n中文第二行，**加粗**和*强调*，见[链接](https://example.org/?a=1&b=2 "标题")。\n\nLatin words\nacross lines: 2 < 3 & "yes".\n';
    expect(await textOf(markdown)).toBe(
      '中文第一行中文第二行，加粗和强调，见链接。 Latin words across lines: 2 < 3 & "yes".',
    );
  });

  it('is rendered as CommonMark, as the checks read it: tildes and table bars stay text', async () => {
    const html = (await renderer.render('每组3~5人，8~10点；甲|乙\n-|-\n', { frontmatter: {} })).code;
    expect(html).not.toMatch(/<(del|table)/);
    expect(htmlText(html)).toBe('每组3~5人，8~10点；甲|乙 -|-');
  });

  it('reads a photo’s caption as a block of its own, and nothing of the photo', () => {
    expect(
      htmlText(
        '<p>前文</p><figure class="figure"><img alt="描述" src="a.webp"><figcaption>图注</figcaption></figure>后文',
      ),
    ).toBe('前文 图注 后文');
  });

  it('is empty for an entry with no rendered body', () => {
    expect(entryText({})).toBe('');
    expect(entryText({ rendered: { html: '' } })).toBe('');
  });
});
