import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ImportError } from './errors.ts';

/** The role list editors extend: one role a line, `#` comments. */
export const ROLES_FILE = fileURLToPath(new URL('./roles.txt', import.meta.url));

/** Reads a role list (one role a line, blank lines and `#` comments ignored), longest first. */
export function parseRoles(text: string): string[] {
  const roles = text
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  // Longest first, so 党总支副书记 is tried before 副书记 and 书记.
  return [...new Set(roles)].sort((a, b) => [...b].length - [...a].length);
}

/** Loads the committed role list `roles.txt` next to this module. */
export function loadRoles(file = ROLES_FILE): string[] {
  return parseRoles(readFileSync(file, 'utf8'));
}

/** Separators between two roles held by one person (党支部书记、校长; 党支部书记兼校长). */
const JOINER = /(?:、|兼|和|及|\/|／)$/u;

/**
 * Splits 单位职务 into organisation and role by the longest role suffix (区委教工委副书记 → 区委教工委 + 副书记);
 * a double role such as 党支部书记、校长 is kept whole. Returns undefined when no known role ends the title.
 */
export function splitTitle(title: string, roles: readonly string[]): { school: string; role: string } | undefined {
  const match = (text: string) => roles.find((role) => text.endsWith(role) && text.length > role.length);
  let rest = title.trim();
  // A role that ends with a shorter one (副书记, 常务副主任) is not an organisation (副, 常务) and a role.
  if (roles.includes(rest)) return undefined;
  let role = '';
  let found = match(rest);
  if (!found) return undefined;
  while (found) {
    rest = rest.slice(0, -found.length);
    role = found + role;
    const joiner = rest.match(JOINER)?.[0];
    const before = joiner ? match(rest.slice(0, -joiner.length)) : undefined;
    if (!joiner || !before) break;
    rest = rest.slice(0, -joiner.length);
    role = joiner + role;
    found = before;
  }
  const school = rest.trim();
  return school ? { school, role } : undefined;
}

/** splitTitle, or an error naming the speaker and the title and saying how to teach the importer the role. */
export function splitTitleOrFail(name: string, title: string, line: number, roles: readonly string[]) {
  const split = splitTitle(title, roles);
  if (split) return split;
  if (roles.includes(title.trim()))
    throw new ImportError(
      `第 ${line} 行${name}的介绍「${title}」只有职务，没有单位。请在原文中补上单位（写成“姓名(单位职务):”）。`,
    );
  throw new ImportError(
    `无法拆分第 ${line} 行${name}的单位职务「${title}」：职务表中没有它结尾的职务。` +
      `请把这个职务（例如“${guessRole(title)}”）加到 src/lib/importer/roles.txt（每行一个），再重新导入。`,
  );
}

/** A likely role for the message: the last two characters, which is what most Chinese roles are. */
function guessRole(title: string): string {
  return [...title].slice(-2).join('');
}
