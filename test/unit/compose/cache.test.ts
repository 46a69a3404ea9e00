import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ComposeDocumentCache } from '../../../src/compose/cache';

describe('ComposeDocumentCache', () => {
  it('parses once per version', () => {
    const c = new ComposeDocumentCache();
    const a = c.get('file:///c.yaml', 1, 'services:\n  a:\n    image: x\n');
    assert.equal(c.get('file:///c.yaml', 1, 'services:\n  a:\n    image: x\n'), a);
    assert.equal(c.parses, 1);
    const b = c.get('file:///c.yaml', 2, 'services:\n  b:\n    image: y\n');
    assert.notEqual(b, a);
    assert.equal(b.model.services[0].name, 'b');
    assert.equal(c.parses, 2);
    c.delete('file:///c.yaml');
    c.get('file:///c.yaml', 2, 'services:\n  b:\n    image: y\n');
    assert.equal(c.parses, 3);
  });
  it('evicts the oldest entries beyond its limit', () => {
    const c = new ComposeDocumentCache({}, 2);
    c.get('a', 1, 'a: 1');
    c.get('b', 1, 'b: 1');
    c.get('c', 1, 'c: 1');
    c.get('a', 1, 'a: 1');
    assert.equal(c.parses, 4);
  });
});
