// `.dockerignore` as moby's patternmatcher reads and applies it: one pattern a line, `#` comments,
// `!` exceptions, patterns cleaned and made relative to the context root; `*` and `?` stay within a
// path segment, `**` spans any number of them; a pattern that matches a parent directory matches
// everything below it; the last matching pattern decides.

interface Pattern {
  regex: RegExp;
  exclusion: boolean;
}

/** path.Clean for a slash path (no leading slash kept by the caller) */
function cleanPath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return (p.startsWith('/') ? '/' : '') + out.join('/') || '.';
}

function compile(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        // `**/` matches zero or more directories, a trailing `**` everything
        if (pattern[i + 1] === '/') {
          i++;
          re += '(.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '\\' && i + 1 < pattern.length) re += '\\' + pattern[++i];
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += '[' + pattern.slice(i + 1, close).replace(/^!/, '^') + ']';
        i = close;
      }
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(re + '$');
}

export class IgnoreMatcher {
  private readonly patterns: Pattern[];

  constructor(text: string) {
    this.patterns = [];
    for (const raw of text.split(/\r?\n/)) {
      let line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const exclusion = line.startsWith('!');
      if (exclusion) line = line.slice(1).trim();
      if (line === '') continue;
      line = cleanPath(line);
      if (line.length > 1 && line.startsWith('/')) line = line.slice(1);
      this.patterns.push({ regex: compile(line), exclusion });
    }
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  /** Whether a context-relative path ('src/app.js') is left out of the context. */
  ignores(relPath: string): boolean {
    const parents = relPath.split('/').slice(0, -1);
    let matched = false;
    for (const p of this.patterns) {
      let hit = p.regex.test(relPath);
      for (let i = 0; !hit && i < parents.length; i++) hit = p.regex.test(parents.slice(0, i + 1).join('/'));
      if (hit) matched = !p.exclusion;
    }
    return matched;
  }
}
