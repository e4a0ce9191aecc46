import { describe, expect, it } from 'vitest';
import { normalizePunctuation, normalizeSpaces } from '../../src/lib/punctuation.ts';

const norm = (s: string) => normalizePunctuation(s).text;

describe('normalizePunctuation', () => {
  it('makes , ; : ( ) ! ? full-width in Chinese text', () => {
    expect(norm('甲,乙;丙:丁(戊)己!庚?')).toBe('甲，乙；丙：丁（戊）己！庚？');
    expect(norm('坚持“三个经常”(思想经常见面),落实')).toBe('坚持“三个经常”（思想经常见面），落实');
    expect(normalizePunctuation('甲,乙;丙').changed).toBe(2);
  });

  it('keeps numbers, percentages, dates, ranges and Latin text as they are', () => {
    for (const s of [
      '40%。',
      '2015年',
      '“7·1”前夕',
      '2-3名教师',
      '银河family微信群',
      '1,000人',
      '7:30开始',
      'Hello, world!',
      'http://a.b/c',
    ]) {
      expect(norm(s)).toBe(s);
    }
  });

  it('keeps the marks of an English quotation in Chinese prose half-width, and widens those around it', () => {
    expect(norm('他说:"Hello, world!"这句话很有名。')).toBe('他说："Hello, world!"这句话很有名。');
    expect(norm('口号“Yes we can!”,大家')).toBe('口号“Yes we can!”，大家');
    expect(norm('他喊道"加油!"')).toBe('他喊道"加油！"');
  });

  it('treats a mark between a number and Chinese as Chinese', () => {
    expect(norm('建党94周年,7所学校')).toBe('建党94周年，7所学校');
    expect(norm('提升约5个百分点,充分')).toBe('提升约5个百分点，充分');
  });

  it('leaves every character of a web address as it is, and the marks of the sentence after it', () => {
    expect(norm('详见https://example.com/a,b?q=(1),组织。')).toBe('详见https://example.com/a,b?q=(1)，组织。');
    expect(norm('网址www.example.com/a(b), 请访问')).toBe('网址www.example.com/a(b)， 请访问');
    expect(norm('(见https://example.com/a)。')).toBe('（见https://example.com/a）。');
  });

  it('ends a web address where Chinese prose follows it with no space between', () => {
    expect(norm('访问www.bjedu.cn,了解更多。')).toBe('访问www.bjedu.cn，了解更多。');
    expect(norm('我们于2015年(见http://a.cn)召开会议,大家发言,讨论问题。')).toBe(
      '我们于2015年（见http://a.cn）召开会议，大家发言，讨论问题。',
    );
    expect(norm('网址（https://a.cn)里有')).toBe('网址（https://a.cn）里有');
    expect(norm('请访问https://a.cn/x了解更多,谢谢')).toBe('请访问https://a.cn/x了解更多，谢谢');
  });

  it('changes brackets as a pair', () => {
    expect(norm('中文(ABC)')).toBe('中文（ABC）');
    expect(norm('在(2015)年')).toBe('在（2015）年');
    expect(norm('f(x)')).toBe('f(x)');
  });
});

describe('normalizeSpaces', () => {
  it('removes stray spaces next to Chinese, keeps one between Latin words', () => {
    expect(normalizeSpaces('  幼儿园把 社会主义\u3000核心 , 价值观  ')).toBe('幼儿园把社会主义核心,价值观');
    expect(normalizeSpaces('Hello   world 2015')).toBe('Hello world 2015');
    expect(normalizeSpaces('“三严三实” 专题')).toBe('“三严三实”专题');
  });
});
