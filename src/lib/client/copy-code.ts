// Copy buttons on code blocks (framed by src/lib/shiki/code-frame.ts). Shell sessions copy their commands
// only: no prompts, no output, so the result can be pasted straight into a terminal.

function textToCopy(button: HTMLButtonElement): string {
  const pre = button.closest('.code-block')?.querySelector('pre');
  const selector = button.dataset.copy === 'commands' ? '.line.command' : '.line';
  return [...(pre?.querySelectorAll(selector) ?? [])].map((line) => line.textContent ?? '').join('\n').trimEnd();
}

/** when the clipboard is out of reach (plain http, denied permission), select the code for Ctrl+C */
function selectCode(button: HTMLButtonElement): void {
  const code = button.closest('.code-block')?.querySelector('code');
  if (!code) return;
  const range = document.createRange();
  range.selectNodeContents(code);
  getSelection()?.removeAllRanges();
  getSelection()?.addRange(range);
}

export function enableCopyButtons(): void {
  const announcer = Object.assign(document.createElement('p'), { className: 'sr-only' });
  announcer.setAttribute('role', 'status');
  document.body.append(announcer);

  for (const button of document.querySelectorAll<HTMLButtonElement>('.copy-code')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(textToCopy(button));
        button.textContent = 'Copied';
        button.setAttribute('data-copied', '');
        announcer.textContent = 'Copied to the clipboard';
        setTimeout(() => {
          button.textContent = 'Copy';
          button.removeAttribute('data-copied');
        }, 2000);
      } catch {
        selectCode(button);
        announcer.textContent = 'Code selected: press Control+C to copy it';
      }
    });
  }
}
