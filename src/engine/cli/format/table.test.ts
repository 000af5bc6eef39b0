import { describe, expect, it } from 'vitest';
import { tabwrite, tabwriteText } from './table';

describe('tabwriter (docker: minwidth 10, padding 3)', () => {
  it('lays out the empty ps header exactly', () => {
    const header = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'];
    expect(tabwrite([header])).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  });

  it('matches the docker/cli golden with an empty middle column and a last SIZE column', () => {
    const out = tabwrite([
      ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES', 'SIZE'],
      ['containerID1', 'ubuntu', '""', '24 hours ago', '', '', 'foobar_baz', '0B'],
    ]);
    expect(out).toBe(
      'CONTAINER ID   IMAGE     COMMAND   CREATED        STATUS    PORTS     NAMES        SIZE\n' +
        'containerID1   ubuntu    ""        24 hours ago                       foobar_baz   0B\n',
    );
  });

  it('pads an empty last column with the previous column padding only (history rows)', () => {
    const out = tabwrite([
      ['IMAGE', 'SIZE', 'COMMENT'],
      ['f5e9397c29f9', '1.98MB', ''],
    ]);
    expect(out).toBe('IMAGE          SIZE      COMMENT\nf5e9397c29f9   1.98MB    \n');
  });

  it('measures wide runes as two cells', () => {
    expect(
      tabwrite([
        ['名前', 'x'],
        ['abcdefghijk', 'y'],
      ]),
    ).toBe('名前          x\nabcdefghijk   y\n');
  });

  it('supports minwidth 20 (docker top)', () => {
    expect(
      tabwrite(
        [
          ['UID', 'PID', 'CMD'],
          ['root', '2378', 'httpd -f -p 80'],
        ],
        { minWidth: 20 },
      ),
    ).toBe('UID                 PID                 CMD\nroot                2378                httpd -f -p 80\n');
  });

  it('computes column widths per block of consecutive lines that have the column', () => {
    // Go: a line without the column ends the block, so the widths on either side are independent
    expect(tabwriteText('aaaaaaaaaaaaaaa\tx\nno tabs\nb\ty\n')).toBe('aaaaaaaaaaaaaaa   x\nno tabs\nb         y\n');
  });

  it('writes a final unterminated line without a newline and survives many columns', () => {
    expect(tabwriteText('a\tb')).toBe('a         b');
    expect(tabwriteText('\t'.repeat(50_000)).length).toBe(500_000);
  });
});
