import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RemarkInput, ReportInput } from '../../src/lib/model.ts';
import { remarkFile } from '../../src/lib/new-remark.ts';
import { root } from '../support/sites.ts';

const report = (id: string, date: string): ReportInput => ({
  id,
  file: `${id}/index.md`,
  title: id,
  date,
  sections: ['甲 部分', '乙 部分'],
});
const remark = (
  reportId: string,
  speaker: string,
  school: string,
  role: string,
  section: string,
  order: number,
  file = `${order}-x`,
): RemarkInput => ({
  id: `${reportId}/remarks/${file}`,
  file: `content/reports/${reportId}/remarks/${file}.md`,
  report: reportId,
  speaker,
  school,
  role,
  section,
  order,
});

const old = report('a-2015', '2015');
const now = report('b-2016', '2016');
const remarks = [
  remark('a-2015', '叶向红', '区委教工委', '副书记', '甲 部分', 1),
  remark('b-2016', '叶向红', '区委教工委', '书记', '甲 部分', 1),
  remark('b-2016', '李四', '一幼', '园长', '甲 部分', 3),
];

describe('npm run new', () => {
  it("fills school and role from the speaker's newest remark and places the remark last under its heading", () => {
    const result = remarkFile({ report: now, reports: [old, now], remarks, section: '甲 部分', speaker: '叶向红' });
    if ('error' in result) throw new Error(result.error);
    expect(result.name).toBe('1-4-ye-xianghong.md');
    const data: unknown = parse(result.text.split('---')[1]!);
    expect(data).toEqual({ speaker: '叶向红', school: '区委教工委', role: '书记', section: '甲 部分', order: 4 });
  });

  it('quotes a value YAML would read as something else, such as a number', () => {
    for (const school of ['101', '2015-07', 'yes', '一幼: 分园', '#一中']) {
      const result = remarkFile({
        report: now,
        reports: [now],
        remarks,
        section: '乙 部分',
        speaker: '王五',
        school,
        role: '校长',
      });
      if ('error' in result) throw new Error(result.error);
      expect((parse(result.text.split('---')[1]!) as { school: unknown }).school, school).toBe(school);
    }
  });

  it('starts an empty heading at 1', () => {
    const result = remarkFile({ report: now, reports: [old, now], remarks, section: '乙 部分', speaker: '李四' });
    expect(result).toMatchObject({ name: '2-1-li-si.md' });
  });

  it('asks for school and role of a new speaker, and which one of two namesakes', () => {
    const stranger = remarkFile({ report: now, reports: [now], remarks, section: '甲 部分', speaker: '王五' });
    expect('error' in stranger && stranger.error).toContain('--school');
    const twins = [...remarks, remark('b-2016', '李四', '二中', '校长', '乙 部分', 1)];
    const namesake = remarkFile({ report: now, reports: [now], remarks: twins, section: '甲 部分', speaker: '李四' });
    expect('error' in namesake && namesake.error).toContain('一幼、二中');
    expect(
      remarkFile({ report: now, reports: [now], remarks: twins, section: '甲 部分', speaker: '李四', school: '二中' }),
    ).toMatchObject({ name: '1-4-li-si.md' });
  });

  it('writes the address of a speaker known under their own, and gives a new homophone one of theirs', () => {
    const named = [
      ...remarks,
      {
        ...remark('a-2015', '王欣', '新华小学', '校长', '甲 部分', 2),
        speakerSlug: 'wang-xin-1',
        schoolSlug: 'xinhua',
      },
    ];
    const frontmatter = (speaker: string, school?: string) => {
      const result = remarkFile({
        report: now,
        reports: [old, now],
        remarks: named,
        section: '乙 部分',
        speaker,
        school,
        role: '校长',
      });
      if ('error' in result) throw new Error(result.error);
      return parse(result.text.split('---')[1]!) as Record<string, unknown>;
    };
    expect(frontmatter('王欣')).toMatchObject({ speakerSlug: 'wang-xin-1', schoolSlug: 'xinhua' });
    // New, with pinyin no one has: 王欣 and 新华小学 are at addresses of their own.
    expect(Object.keys(frontmatter('王鑫', '新化小学'))).toEqual(['speaker', 'school', 'role', 'section', 'order']);
    // New, with 叶向红's pinyin: told whose it is.
    expect(frontmatter('叶向洪', '一幼')).toMatchObject({ speakerSlug: 'ye-xianghong-yiyou' });
    const told = remarkFile({
      report: now,
      reports: [now],
      remarks,
      section: '乙 部分',
      speaker: '叶向洪',
      school: '一幼',
      role: '园长',
    });
    expect('notes' in told && told.notes.join('')).toContain('已是叶向红（区委教工委）的');
  });

  it('asks only for the role of a speaker known at another school, naming where they are known', () => {
    const moved = remarkFile({
      report: now,
      reports: [now],
      remarks,
      section: '甲 部分',
      speaker: '李四',
      school: '二中',
    });
    expect('error' in moved && moved.error).toBe(
      '还没有 李四 在二中的发言，不知道其职务。请加上 --role 职务，例如 --role 党总支书记。（已有的 李四 的发言在：一幼。）',
    );
  });
});

describe('npm run new on a report whose index.md has a mistake', () => {
  it('says so, rather than that there is no such report, and creates nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'new-remark-'));
    try {
      cpSync(`${root}tests/fixtures/content/valid/content`, dir, { recursive: true });
      const index = join(dir, 'reports/test-report/index.md');
      writeFileSync(index, readFileSync(index, 'utf8').replace('title:', 'titel:'));
      const args = ['--report', 'test-report', '--section', '第一部分 学习', '--speaker', '张三'];
      const run = spawnSync('node', ['scripts/new.ts', ...args], {
        cwd: root,
        env: { ...process.env, CONTENT_DIR: dir },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('报告 test-report 的 index.md 有错误');
      expect(readdirSync(join(dir, 'reports/test-report/remarks')).sort()).toEqual([
        '1-1-zhang-san.md',
        '2-1-li-si.md',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
