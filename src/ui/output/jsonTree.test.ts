import { describe, expect, it } from 'vitest';
import { initiallyExpanded, JSON_PAGE, pathText, valuePreview, visibleRows } from './jsonTree';

describe('the JSON tree', () => {
  it('names each node by a path that reads as JavaScript', () => {
    expect(pathText([])).toBe('$');
    expect(pathText(['items', 1, 'name'])).toBe('$.items[1].name');
    expect(pathText(['a key', '$ok', '1x'])).toBe('$["a key"].$ok["1x"]');
  });

  it('shows the open containers’ children, in order, each a level deeper', () => {
    const value = { stats: { mean: 6 }, tags: ['a'] };
    const rows = visibleRows(value, new Set(['$', '$.stats']));
    expect(rows.map((r) => (r.type === 'node' ? [r.id, r.depth, r.expanded] : r.id))).toEqual([
      ['$', 0, true],
      ['$.stats', 1, true],
      ['$.stats.mean', 2, false],
      ['$.tags', 1, false],
    ]);
  });

  it('shows a long container a page at a time', () => {
    const value = Array.from({ length: 250 }, (_, i) => i);
    const first = visibleRows(value, new Set(['$']));
    expect(first).toHaveLength(1 + JSON_PAGE + 1);
    expect(first.at(-1)).toMatchObject({ type: 'more', parentId: '$', shown: 100, total: 250 });
    const more = visibleRows(value, new Set(['$']), new Map([['$', 200]]));
    expect(more).toHaveLength(1 + 200 + 1);
  });

  it('opens breadth first, within a budget of rows', () => {
    const value = {
      a: { x: 1 },
      b: { y: { z: 2 } },
      big: Array.from({ length: 5000 }, () => ({})),
    };
    const open = initiallyExpanded(value, 20);
    expect([...open]).toEqual(['$', '$.a', '$.b', '$.b.y']);
    expect(initiallyExpanded(42).size).toBe(0);
    // A megabyte of JSON opens with a bounded number of rows.
    const huge = Array.from({ length: 20_000 }, (_, i) => ({ id: i, name: `item ${i}` }));
    expect(visibleRows(huge, initiallyExpanded(huge)).length).toBeLessThan(400);
  });

  it('previews scalars as JSON and containers by their size', () => {
    expect(valuePreview('hi')).toBe('"hi"');
    expect(valuePreview(null)).toBe('null');
    expect(valuePreview([1, 2])).toBe('[…] 2 items');
    expect(valuePreview({ a: 1 })).toBe('{…} 1 key');
    expect(valuePreview('x'.repeat(10), 4)).toBe('"xxx…');
  });
});
