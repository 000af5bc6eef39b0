// A command's output as one ordered record of chunks (stdout and stderr as they were written), and each
// stream's text read off it: the CLI dispatcher, the host shell and the engine facade all keep it so.
import type { OutputChunk } from './engine';

/** Appends `text` on `stream`, merged into the last chunk when that is on the same stream. */
export function appendChunk(output: OutputChunk[], stream: OutputChunk['stream'], text: string): void {
  if (!text) return;
  const last = output[output.length - 1];
  if (last?.stream === stream) last.text += text;
  else output.push({ stream, text });
}

/** Everything written on one stream, in order. */
export const streamText = (output: readonly OutputChunk[], stream: OutputChunk['stream']): string =>
  output
    .filter((c) => c.stream === stream)
    .map((c) => c.text)
    .join('');
