import assert from 'node:assert/strict';
import { test } from 'node:test';
import { movedSelection, selectedLineIndex, selectionAfterRemoval } from './bon-selection.ts';

test('without a choice Del takes the newest line; a choice that no longer exists falls back to it', () => {
  assert.equal(selectedLineIndex(null, 3), 2);
  assert.equal(selectedLineIndex(0, 3), 0);
  assert.equal(selectedLineIndex(5, 3), 2);
  assert.equal(selectedLineIndex(null, 0), null, 'nothing to remove on an empty Bon');
});

test('↑ and ↓ move the choice and stop at the first and the last line', () => {
  assert.equal(movedSelection(null, 3, -1), 1);
  assert.equal(movedSelection(0, 3, -1), 0);
  assert.equal(movedSelection(1, 3, 1), 2);
  assert.equal(movedSelection(2, 3, 1), 2);
  assert.equal(movedSelection(null, 0, 1), null);
});

test('after a removal the next line takes the place, or the new last one', () => {
  assert.equal(selectionAfterRemoval(0, 2), 0);
  assert.equal(selectionAfterRemoval(2, 2), 1);
  assert.equal(selectionAfterRemoval(0, 0), null);
});
