/**
 * tree-sitter@0.25.1 with tree-sitter-cuda@0.21.1 (and its tree-sitter-cpp@0.23.4) declare peer ranges
 * that disagree (.npmrc sets legacy-peer-deps); this proves the pinned versions load and parse CUDA together.
 */
import { createRequire } from 'node:module';
import Parser from 'tree-sitter';
import Cuda from 'tree-sitter-cuda';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const version = (pkg: string): string => (require(`${pkg}/package.json`) as { version: string }).version;

describe('pinned grammar versions', () => {
  it('are the versions package.json pins', () => {
    const pkg = require('../../package.json') as { dependencies: Record<string, string> };
    expect(version('tree-sitter')).toBe('0.25.1');
    expect(version('tree-sitter-cuda')).toBe('0.21.1');
    expect(pkg.dependencies['tree-sitter']).toBe('0.25.1');
    expect(pkg.dependencies['tree-sitter-cuda']).toBe('0.21.1');
  });

  it('load together and parse a kernel launch without errors', () => {
    const parser = new Parser();
    parser.setLanguage(Cuda as Parser.Language);
    const tree = parser.parse('__global__ void k(float* a) { a[threadIdx.x] = 0; }\nint main() { k<<<1, 32>>>(nullptr); }\n');
    expect(tree.rootNode.hasError).toBe(false);
    expect(tree.rootNode.descendantsOfType('kernel_call_syntax')).toHaveLength(1);
  });
});
