/** Catalog notes in Chinese (note_zh): shown by `explain --lang zh-CN`, counted by `rules stats`. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ascendify-lang-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('note_zh', () => {
  const rules = join(dir, 'rules');
  mkdirSync(rules);
  writeFileSync(
    join(rules, 'team.yaml'),
    `family: wrappers
rules:
  - id: team-gpu-malloc
    symbols: [gpuMalloc]
    kind: function
    targets:
      ascend: { status: partial, replacement: [npuMalloc], source: "team wiki", note: "Aligns to 512 bytes.", note_zh: "按 512 字节对齐。" }
      cambricon: { status: none, note: "No pool allocator." }
`,
  );

  it('is shown instead of the note with --lang zh-CN, and the English note otherwise', async () => {
    const zh = await cli(['explain', 'gpuMalloc', '--rules', rules, '--lang', 'zh-CN']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('说明: 按 512 字节对齐。');
    expect(zh.stdout).toContain('说明: No pool allocator.'); // no Chinese text: the English one
    const en = await cli(['explain', 'gpuMalloc', '--rules', rules]);
    expect(en.stdout).toContain('note: Aligns to 512 bytes.');
  });

  it('is counted by rules stats', async () => {
    const r = await cli(['rules', 'stats', '--rules', rules]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Chinese notes \(note_zh, shown with --lang zh-CN\): 3 of \d+ answers with a note/);
  });
});
