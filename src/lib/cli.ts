// The editors' commands (check, new, import) read their options here, so that a mistyped option is explained in
// Chinese, never as Node's English error and stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from 'fastest-levenshtein';

/** What went wrong in a command line, in Chinese, from the error `parseArgs` threw and the command's options. */
export function argsProblem(error: unknown, options: string[]): string {
  const { code, message } = error as { code?: string; message?: string };
  const quoted = /'([^']*)'/.exec(message ?? '')?.[1] ?? '';
  const known = options.map((o) => `--${o}`).join('、');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = quoted.replace(/^-+/, '');
    // A short form (-r) is the start of the option meant, however many letters another one is closer by.
    const starting = options.filter((o) => o.startsWith(name));
    return `不认识的选项 ${quoted}。您是否想写 --${closest(name, starting.length ? starting : options)}？可用的选项：${known}。`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `多出了「${quoted}」。值里有空格时，请用英文双引号把整个值括起来，例如 --section "立足实际 打造服务特色"。`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = quoted.split(' ')[0]!;
    if (/argument missing/.test(message ?? '')) return `选项 ${name} 后面要写一个值。`;
    // Its value left out, so that the next option (--section --speaker 王五) would be taken for it.
    if (/argument is ambiguous/.test(message ?? ''))
      return `选项 ${name} 后面要写一个值，这里紧接着的是另一个选项。值本身以减号 - 开头时，请写成 ${name}=-……。`;
    return `选项 ${name} 后面不能写值（写 ${name} 即可）。`;
  }
  return `命令参数有误：${message?.split('\n')[0] ?? String(error)}`;
}

/** An option of one value given twice, which `parseArgs` takes the last of without a word: its name, if any. */
export function givenTwice(config: ParseArgsConfig): string | undefined {
  const seen = new Set<string>();
  for (const token of parseArgs({ ...config, tokens: true }).tokens) {
    const option = token.kind === 'option' ? config.options?.[token.name] : undefined;
    if (token.kind !== 'option' || option?.type !== 'string' || option.multiple) continue;
    if (seen.has(token.name)) return token.name;
    seen.add(token.name);
  }
  return undefined;
}

/** An option of the command's written after `--`, which ends the options, so that it would be taken for a file name
 * or refused as a stray word: what an editor gets by typing the `--` of `npm run x --` twice. */
export function afterEnd(config: ParseArgsConfig): string | undefined {
  const { tokens } = parseArgs({ ...config, strict: false, tokens: true });
  const end = tokens.findIndex((t) => t.kind === 'option-terminator');
  if (end < 0) return undefined;
  const shorts = new Map(Object.entries(config.options ?? {}).map(([name, o]) => [o.short, name]));
  for (const token of tokens.slice(end + 1)) {
    if (token.kind !== 'positional') continue;
    const short = /^-(\w)$/.exec(token.value)?.[1];
    const name = /^--([^=]+)/.exec(token.value)?.[1] ?? (short && shorts.get(short));
    if (name && config.options?.[name]) return token.value.split('=')[0];
  }
  return undefined;
}

/** `parseArgs`; on a mistake, says what it is in Chinese (after `refused`, what the command did not do), and how the
 * command is used, and exits with 2. Asked with --help or -h, says how it is used, and exits with 0. */
export function readArgs<T extends ParseArgsConfig>(
  config: T,
  usage: string,
  refused = '',
): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  const end = args.indexOf('--');
  if (args.slice(0, end < 0 ? undefined : end).some((arg) => arg === '--help' || arg === '-h')) {
    console.log(usage);
    process.exit(0);
  }
  let problem: string;
  try {
    const late = afterEnd(config);
    const twice = late ? undefined : givenTwice(config);
    if (!late && !twice) return parseArgs(config);
    problem = late
      ? `选项 ${late} 写在了多出来的 -- 后面：-- 表示选项到此为止，它后面的都不再当作选项。npm run 后面只要写一个 --，请删去多的那个。`
      : `选项 --${twice} 写了两次：它只能有一个值，请删去多的那个。`;
  } catch (error) {
    problem = argsProblem(error, Object.keys(config.options ?? {}));
  }
  console.error(`${problem}\n${refused}${usage}`);
  process.exit(2);
}
