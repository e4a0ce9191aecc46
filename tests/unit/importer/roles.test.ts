import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/lib/importer/errors.ts';
import { parseRoles, splitTitle, splitTitleOrFail } from '../../../src/lib/importer/roles.ts';
import { roles } from './helpers.ts';

describe('splitTitle with the committed role list', () => {
  it.each([
    ['区委教工委书记', '区委教工委', '书记'],
    ['京源学校党总支书记', '京源学校', '党总支书记'],
    ['实验中学校长', '实验中学', '校长'],
    ['一幼党支部书记', '一幼', '党支部书记'],
    ['石景山中学党总支副书记', '石景山中学', '党总支副书记'],
    ['区委教工委副书记', '区委教工委', '副书记'],
    ['实验中学党支部书记、校长', '实验中学', '党支部书记、校长'],
    ['育才小学副校长', '育才小学', '副校长'],
  ])('%s → %s + %s', (title, school, role) => {
    expect(splitTitle(title, roles)).toEqual({ school, role });
  });

  it('takes the longest matching role, whatever the order of the list', () => {
    const list = parseRoles('书记\n党总支书记\n副书记\n党总支副书记\n');
    expect(list[0]).toBe('党总支副书记');
    expect(splitTitle('石景山中学党总支副书记', list)).toEqual({ school: '石景山中学', role: '党总支副书记' });
    expect(splitTitle('石景山中学副书记', list)).toEqual({ school: '石景山中学', role: '副书记' });
  });

  it('ignores comments and blank lines in the list', () => {
    expect(parseRoles('# 注释\n\n 校长 \r\n#书记\n')).toEqual(['校长']);
  });

  it('does not split a title without a known role, nor a role without an organisation', () => {
    expect(splitTitle('区体育中心主管', roles)).toBeUndefined();
    expect(splitTitle('书记', roles)).toBeUndefined();
  });

  it('names the speaker, the title and the role file when it cannot split', () => {
    expect(() => splitTitleOrFail('赵刚', '区体育中心主管', 12, roles)).toThrow(ImportError);
    expect(() => splitTitleOrFail('赵刚', '区体育中心主管', 12, roles)).toThrow(
      /第 12 行赵刚.*区体育中心主管.*roles\.txt/,
    );
    expect(() => splitTitleOrFail('赵刚', '书记', 3, roles)).toThrow('只有职务，没有单位');
  });

  it.each(['副书记', '副校长', '副主任', '常务副主任', '党总支副书记'])(
    'takes %s, a role that ends with a shorter one, for a role without an organisation',
    (title) => {
      expect(splitTitle(title, roles)).toBeUndefined();
      expect(() => splitTitleOrFail('王鑫', title, 20, roles)).toThrow(
        `第 20 行王鑫的介绍「${title}」只有职务，没有单位。`,
      );
    },
  );

  it('learns a new role from an extended list', () => {
    expect(splitTitle('区体育中心主管', [...parseRoles('主管'), ...roles])).toEqual({
      school: '区体育中心',
      role: '主管',
    });
  });
});
