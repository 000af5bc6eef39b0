import { describe, expect, it } from 'vitest';
import { replay } from './compare';
import { canonical, normaliseText, parseTable, type Names } from './normalise';

/** numbering by first appearance, as one side of a transcript sees it */
function firstSeen(): Names {
  const ids = new Map<string, number>();
  const ips = new Map<string, number>();
  const seen = (m: Map<string, number>) => (v: string) => m.get(v) ?? (m.set(v, m.size + 1), m.size);
  return { id: seen(ids), ip: seen(ips) };
}

const ID_A = 'a'.repeat(8) + '0123456789abcdef'.repeat(3) + 'b'.repeat(8);
const ID_B = 'c'.repeat(64);

describe('normaliseText', () => {
  it('numbers IDs by first appearance, 12-char prefixes sharing their full ID', () => {
    expect(normaliseText(`${ID_B}\n${ID_A.slice(0, 12)} ${ID_A} ${ID_B.slice(0, 12)}`, firstSeen())).toBe(
      `<id1${'_'.repeat(59)}>\n<id2_______> <id2${'_'.repeat(59)}> <id1_______>`,
    );
  });

  it('recognises an ID cut with an ellipsis', () => {
    expect(normaliseText(`${ID_A.slice(0, 14)}…,gt-vol ${ID_A}`, firstSeen())).toBe(`<id1_________>…,gt-vol <id1${'_'.repeat(59)}>`);
  });

  it('leaves numbers that look like short hex alone', () => {
    expect(normaliseText('67108864 1500000000 134217728', firstSeen())).toBe('67108864 1500000000 134217728');
  });

  it('replaces times and relative durations', () => {
    const n = (s: string) => normaliseText(s, firstSeen());
    expect(n('Exited (137) Less than a second ago')).toBe('Exited (137) <dur> ago');
    expect(n('Up 2 minutes (Paused)')).toBe('Up <dur> (Paused)');
    expect(n('2026-11-23T11:32:35.350599568Z hello')).toBe('<time> hello');
    expect(n('"CreatedAt":"2026-11-23 11:33:11 +0000 UTC"')).toBe('"CreatedAt":"<time>"');
  });

  it('maps default-pool addresses with identity but keeps chosen and wildcard ones', () => {
    expect(normaliseText('172.18.0.0/16 172.18.0.1 172.18.0.1 10.123.0.2/24 0.0.0.0:8080', firstSeen())).toBe(
      '<ip1>/16 <ip2> <ip2> 10.123.0.2/24 0.0.0.0:8080',
    );
  });
});

describe('parseTable', () => {
  const ps =
    'CONTAINER ID   IMAGE     COMMAND       CREATED                  STATUS                  PORTS     NAMES\n' +
    '8d670917d8fa   busybox   "sleep 600"   Less than a second ago   Up Less than a second             gt-web\n';

  it('cuts rows at the header columns and accepts a tabwriter layout', () => {
    const table = parseTable(ps, 10)!;
    expect(table.rows[1]).toEqual(['8d670917d8fa', 'busybox', '"sleep 600"', 'Less than a second ago', 'Up Less than a second', '', 'gt-web']);
    expect(table.layoutProblems).toEqual([]);
  });

  it('reports a column that is not padded as docker pads it', () => {
    const narrow = ps.replace('IMAGE     COMMAND', 'IMAGE    COMMAND ');
    expect(parseTable(narrow, 10)!.layoutProblems).not.toEqual([]);
  });

  it('keeps the padding of the previous column when the last cell is empty', () => {
    const history =
      'IMAGE          CREATED         CREATED BY   SIZE      COMMENT\n' +
      'f501d072dd7e   5 minutes ago                1.98MB    \n';
    expect(parseTable(history, 10)!.layoutProblems).toEqual([]);
  });

  it('is not fooled by text that is not a table', () => {
    expect(parseTable('Usage:  docker ps [OPTIONS]\n', 10)).toBeUndefined();
    expect(parseTable('hello   world\n', 10)).toBeUndefined();
  });
});

describe('canonical', () => {
  it('compares tables cell by cell, so width changes caused by normalised values do not matter', () => {
    const real = 'CONTAINER ID   STATUS\nabcdef012345   Up 2 seconds\n';
    const sim = 'CONTAINER ID   STATUS\n999999abcdef   Up Less than a second\n';
    const a = canonical('docker ps', { stdout: real, stderr: '', exit: 0 }, firstSeen());
    const b = canonical('docker ps', { stdout: sim, stderr: '', exit: 0 }, firstSeen());
    expect(b).toEqual(a);
  });

  it('hides host measurements in stats and top', () => {
    const stats = { stdout: 'gt 616KiB / 23.54GiB 0.48%\n', stderr: '', exit: 0 };
    expect(canonical('docker stats --no-stream --format x', stats, firstSeen()).stdout).toBe(
      'gt <size> / <size> <pct>\n',
    );
    const top = 'PID                 COMMAND\n508                 sleep\n';
    expect(canonical('docker top gt', { stdout: top, stderr: '', exit: 0 }, firstSeen()).stdout).toBe('PID | COMMAND\n<n> | sleep\n');
  });
});

describe('replay', () => {
  const run = (cmd: string, stdout: string) => ({ cmd, stdout, stderr: '', exit: 0 });
  const engineAnswering = (answers: string[]) => {
    let i = 0;
    return { exec: () => ({ stdout: answers[i++] ?? '', stderr: '', exit: 0, trace: [] }) } as never;
  };
  const real = [run('docker run -d a', `${ID_A}\n`), run('docker run -d b', `${ID_B}\n`), run('docker ps -q', `${ID_B.slice(0, 12)}\n`)];

  const SIM_A = 'e' + '1'.repeat(63);
  const SIM_B = 'f' + '2'.repeat(63);

  it('checks that a value printed earlier comes back as the same one', () => {
    const passes = (third: string) => replay(engineAnswering([`${SIM_A}\n`, `${SIM_B}\n`, third]), real).map((r) => r.pass);
    expect(passes(`${SIM_B.slice(0, 12)}\n`)).toEqual([true, true, true]);
    expect(passes(`${SIM_A.slice(0, 12)}\n`)).toEqual([true, true, false]);
  });

  it('does not let an unmatched entry renumber the ones after it', () => {
    const sim = ['oops\n', `${SIM_B}\n`, `${SIM_B.slice(0, 12)}\n`];
    expect(replay(engineAnswering(sim), real).map((r) => r.pass)).toEqual([false, true, true]);
  });
});

describe('build output (classic builder vs BuildKit)', () => {
  const names = { id: () => 1, ip: () => 1 };
  it('reduces both to the same steps, cache decisions and tags', () => {
    const classic = {
      stdout:
        'Sending build context to Docker daemon  3.072kB\nStep 1/3 : FROM busybox\n ---> f501d072dd7e\nStep 2/3 : RUN echo hi\n ---> Using cache\n ---> b6d3b1f9123e\nStep 3/3 : COPY a.txt /a.txt\n ---> fba296255ce5\nStep 4/4 : ENV A=1\n ---> Running in d67e663901a3\nSuccessfully built edf7fc131b22\nSuccessfully tagged gt-build:1\n',
      stderr: 'DEPRECATED: The legacy builder is deprecated\n',
      exit: 0,
    };
    const buildkit = {
      stdout: '',
      stderr:
        '#0 building with "default" instance using docker driver\n\n#4 [1/3] FROM docker.io/library/busybox:latest\n#4 DONE 0.0s\n\n#5 [2/3] RUN echo hi\n#5 CACHED\n\n#6 [3/3] COPY a.txt /a.txt\n#6 DONE 0.0s\n\n#7 exporting to image\n#7 naming to docker.io/library/gt-build:1 done\n#7 DONE 0.0s\n',
      exit: 0,
    };
    const want = { stdout: 'cached RUN echo hi\nran    COPY a.txt /a.txt\ntagged docker.io/library/gt-build:1\n', stderr: '', exit: 0, layout: [] };
    expect(canonical('docker build -t gt-build:1 .', classic, names)).toEqual(want);
    expect(canonical('docker build -t gt-build:1 .', buildkit, names)).toEqual(want);
  });
  it('compares failures by the failing command and its code', () => {
    const classic = { stdout: 'Step 2/2 : RUN exit 3\n ---> Running in 389e53052c45\n', stderr: "The command '/bin/sh -c exit 3' returned a non-zero code: 3\n", exit: 3 };
    const buildkit = { stdout: '', stderr: '#5 [2/2] RUN exit 3\n#5 ERROR: x\nERROR: failed to build: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3\n', exit: 1 };
    expect(canonical('docker build .', classic, names)).toEqual(canonical('docker build .', buildkit, names));
    expect(canonical('docker build .', buildkit, names).stdout).toBe('ran    RUN exit 3\nfailed: /bin/sh -c exit 3 exited 3\n');
  });
});
