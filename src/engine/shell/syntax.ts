// The shell's syntax tree. Words stay as their raw source text (quotes and all): expansion re-reads
// them when the command runs, so `$X` sees the value X has at that moment.

export type Word = string;

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '>&' | '<&' | '<<' | '<<-';

export interface Redir {
  /** the descriptor written before the operator (`2>`), null for the operator's default */
  fd: number | null;
  op: RedirOp;
  target: Word;
  /** a here-document's body (filled in when the lexer reaches the end of the line) */
  heredoc?: { body: string; expand: boolean };
}

export type Command =
  | { type: 'simple'; assigns: Word[]; words: Word[]; redirs: Redir[]; line: number }
  | { type: 'if'; clauses: { cond: List; body: List }[]; otherwise?: List; redirs: Redir[] }
  | { type: 'for'; name: string; items: Word[] | null; body: List; redirs: Redir[] }
  | { type: 'loop'; until: boolean; cond: List; body: List; redirs: Redir[] }
  | { type: 'case'; word: Word; arms: { patterns: Word[]; body: List }[]; redirs: Redir[] }
  | { type: 'group'; subshell: boolean; body: List; redirs: Redir[] }
  | { type: 'func'; name: string; body: Command };

export interface Pipeline {
  bang: boolean;
  cmds: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export type List = { andOr: AndOr; background: boolean }[];

/** What went wrong while parsing, for each flavour to word in its own way. */
export type SyntaxProblem =
  | { kind: 'unexpected'; token: string; expecting?: string }
  | { kind: 'unterminated'; quote: string };

export class ShellSyntaxError extends Error {
  constructor(
    readonly problem: SyntaxProblem,
    readonly line: number,
  ) {
    super(problem.kind === 'unexpected' ? `unexpected ${problem.token}` : `unterminated ${problem.quote}`);
  }
}

/** The token names that count as "end of file" and "newline" in syntax errors. */
export const EOF_TOKEN = 'end of file';
export const NEWLINE_TOKEN = 'newline';
