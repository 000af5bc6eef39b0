// The `docker …` command lines a lesson teaches: every command in its shell code blocks (```console
// lines after a `$ ` prompt; ```bash / ```sh / ```shell lines as they stand), with `\` continuations
// joined. The cheat sheet and the content check both read lessons through this, so they agree.

export interface ShellLine {
  /** the command as typed, prompt and continuations removed */
  command: string;
  /** 1-based line of the MDX file where the command starts */
  line: number;
}

const SHELL_LANGS = new Set(['console', 'bash', 'sh', 'shell', 'shell-session']);
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/;

/** every command line in the shell code blocks of an MDX/Markdown source */
export function shellCommands(source: string): ShellLine[] {
  const lines = source.split('\n');
  const found: ShellLine[] = [];
  let fence: { marker: string; lang: string } | undefined;
  let pending: ShellLine | undefined;
  lines.forEach((text, i) => {
    const open = FENCE.exec(text);
    if (!fence) {
      if (open) fence = { marker: open[2]!, lang: open[3]!.toLowerCase() };
      return;
    }
    if (text.trim().startsWith(fence.marker) && text.trim().replace(/[`~]/g, '') === '') {
      fence = undefined;
      pending = undefined;
      return;
    }
    if (!SHELL_LANGS.has(fence.lang)) return;
    let command: string | undefined;
    if (pending) command = text.trim();
    else if (fence.lang === 'console' || fence.lang === 'shell-session') command = /^\$ (.*)$/.exec(text)?.[1];
    else if (!/^\s*(#|$)/.test(text)) command = text.trim();
    if (command === undefined) return;
    const continued = command.endsWith('\\');
    const part = continued ? command.slice(0, -1).trimEnd() : command;
    if (pending) pending.command += ` ${part}`;
    else pending = { command: part, line: i + 1 };
    if (!continued) {
      found.push(pending);
      pending = undefined;
    }
  });
  return found;
}

/**
 * The `docker …` simple commands of a command line: each part of a pipeline or list (`docker ps -q | wc
 * -l`, `docker stop web && docker rm web` gives both docker parts), without redirections (`> out.txt`,
 * `2>&1`, which lessons write last). Quotes and `$( … )` stay whole; the engine's tokenizer reads them.
 */
export function dockerInvocations(command: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let redirect = false;
  let current = '';
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') {
        current += c + (command[++i] ?? '');
        continue;
      }
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '$' && command[i + 1] === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0 && (c === '|' || c === ';' || (c === '&' && command[i + 1] === '&'))) {
      parts.push(current);
      current = '';
      redirect = false;
      if (command[i + 1] === c) i++;
      continue;
    } else if (depth === 0 && c === '>') {
      // lessons put redirections last: the rest of this simple command is the redirection (`2>` drops its 2)
      current = current.replace(/\s\d$/, ' ');
      redirect = true;
      continue;
    }
    if (!redirect) current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => /^docker(\s|$)/.test(p));
}
