/**
 * Where tokens sit in the syntax tree, found with one forward walk of a tree cursor.
 *
 * tree-sitter's `node.parent` walks down from the root on every call, and each node handed to
 * JavaScript costs a marshalling step, so asking the tree about one token at a time costs tens of
 * microseconds. Tokens are sorted by offset, so a single cursor walk that only descends into nodes
 * containing the next token finds all of them, and keeps the ancestors (with the field each node
 * fills in its parent) on a stack as it goes.
 */
import type { Tree } from './cuda-parser.js';

/** A node on the path to a token: its type, offsets, and the field it fills in its parent. */
export interface Frame {
  type: string;
  start: number;
  end: number;
  field: string | null;
}

type Cursor = ReturnType<Tree['walk']>;

function frameOf(cursor: Cursor): Frame {
  return { type: cursor.nodeType, start: cursor.startIndex, end: cursor.endIndex, field: cursor.currentFieldName ?? null };
}

/**
 * How many ancestors a token's chain keeps. Classification looks a few levels up (a qualified name, a
 * declarator chain, a call); deep nesting above that says nothing about the token.
 */
const CHAIN_DEPTH = 24;

function chain(leaf: Frame | undefined, stack: Frame[]): Frame[] {
  const out: Frame[] = leaf ? [leaf] : [];
  for (let k = stack.length - 1; k >= 0 && out.length < CHAIN_DEPTH; k--) out.push(stack[k] as Frame);
  return out;
}

/**
 * For each token start offset (ascending), the chain of nodes containing it, innermost first:
 * the leaf (or the smallest node whose children do not cover it), then its ancestors up to the root.
 * Between tokens the cursor climbs only as far as needed and jumps down with
 * gotoFirstChildForIndex, which skips siblings inside the native library.
 */
export function locateTokens(tree: Tree, starts: readonly number[]): Frame[][] {
  const out = new Array<Frame[]>(starts.length);
  const cursor = tree.walk();
  const stack: Frame[] = [];
  let cur = frameOf(cursor);
  for (let i = 0; i < starts.length; i++) {
    const pos = starts[i] as number;
    while ((pos >= cur.end || pos < cur.start) && stack.length) {
      cursor.gotoParent();
      cur = stack.pop() as Frame;
    }
    for (;;) {
      if (cursor.gotoFirstChildForIndex(pos) === null) break; // no child reaches pos: cur holds it
      stack.push(cur);
      cur = frameOf(cursor);
      if (pos < cur.start) {
        // pos lies in the gap before this child: the parent holds it
        cursor.gotoParent();
        cur = stack.pop() as Frame;
        break;
      }
    }
    out[i] = chain(cur, stack);
  }
  return out;
}
