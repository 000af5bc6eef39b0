// BuildKit util/suggest: "(did you mean RUN?)" after an unknown name within Levenshtein distance 2.

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** the suggestion keeps the case the user typed in (all lower or all upper) */
function matchCase(option: string, typed: string): string {
  if (typed === typed.toLowerCase()) return option.toLowerCase();
  if (typed === typed.toUpperCase()) return option.toUpperCase();
  return option;
}

export function withSuggestion(message: string, typed: string, options: string[], caseSensitive: boolean): Error {
  const val = caseSensitive ? typed : typed.toLowerCase();
  let best = '';
  let min = 3;
  for (const raw of options) {
    const opt = caseSensitive ? raw : raw.toLowerCase();
    if (opt === val) return new Error(message);
    const d = levenshtein(val, opt);
    if (d < min) {
      best = caseSensitive ? opt : matchCase(opt, typed);
      min = d;
    }
  }
  return new Error(best ? `${message} (did you mean ${best}?)` : message);
}
