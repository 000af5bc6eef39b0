import { describe, expect, it } from 'vitest';
import { formatList } from './list';

const base = {
  defaultTable: 'table {{.ID}}\t{{.Name}}',
  header: { ID: 'NETWORK ID', Name: 'NAME' },
  typeName: '*formatter.networkContext',
  items: [
    { ID: '1d08ccf5f158', Name: 'bridge' },
    { ID: '4c1ca856d95a', Name: 'host' },
  ],
};

describe('formatList', () => {
  it('default → table with header', () => {
    expect(formatList(base).out).toBe('NETWORK ID     NAME\n1d08ccf5f158   bridge\n4c1ca856d95a   host\n');
    expect(formatList({ ...base, format: 'table' }).out).toBe(formatList(base).out);
  });
  it('empty list → header only', () => {
    expect(formatList({ ...base, items: [] }).out).toBe('NETWORK ID   NAME\n');
  });
  it('quiet → IDs', () => {
    expect(formatList({ ...base, quiet: true }).out).toBe('1d08ccf5f158\n4c1ca856d95a\n');
  });
  it('custom table template with \\t escapes', () => {
    expect(formatList({ ...base, format: 'table {{.Name}}\\t{{.ID}}' }).out).toBe(
      'NAME      NETWORK ID\nbridge    1d08ccf5f158\nhost      4c1ca856d95a\n',
    );
  });
  it('raw template → one line per item, no header', () => {
    expect(formatList({ ...base, format: '{{.Name}}' }).out).toBe('bridge\nhost\n');
  });
  it('json → one sorted, HTML-escaped object per line', () => {
    expect(formatList({ ...base, items: [{ Name: '<x>', ID: 'i' }], format: 'json' }).out).toBe('{"ID":"i","Name":"\\u003cx\\u003e"}\n');
  });
  it('reports template errors the docker way', () => {
    expect(formatList({ ...base, format: '{{' }).error).toBe('template parsing error: template: :1: unclosed action');
    expect(formatList({ ...base, format: 'table {{.Name}}\\t{{.Nope}}' }).error).toBe(
      'template parsing error: template: :1:12: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.networkContext',
    );
  });
  it('evaluates getters lazily', () => {
    let calls = 0;
    const items = [
      {
        ID: 'a',
        get Name() {
          calls++;
          return 'n';
        },
      },
    ];
    formatList({ ...base, items, format: '{{.ID}}' });
    expect(calls).toBe(0);
  });
});
