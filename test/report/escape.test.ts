import { describe, expect, it } from 'vitest';
import { csvField, escapeHtml, jsonForScript, mdCode, mdText } from '../../src/report/escape.js';

describe('escapeHtml', () => {
  it('turns every HTML metacharacter into an entity', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
  });
});

describe('jsonForScript', () => {
  it('keeps </script> and <!-- from ending or confusing a script block, and still parses back', () => {
    const value = { s: '</script><script>alert(1)</script><!-- & \u2028' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('mdCode', () => {
  it('escapes pipes and folds newlines so a table cell stays one cell', () => {
    expect(mdCode('a|b\nc')).toBe('`a\\|b c`');
  });
  it('uses a longer fence when the text holds backticks', () => {
    expect(mdCode('x `y` z')).toBe('``x `y` z``');
    expect(mdCode('`edge`')).toBe('`` `edge` ``');
  });
});

describe('mdText', () => {
  it('backslash-escapes Markdown and HTML metacharacters', () => {
    expect(mdText('<b>*x*</b> | [l](u) a_b v1.2-rc')).toBe('\\<b\\>\\*x\\*\\</b\\> \\| \\[l\\](u) a\\_b v1.2-rc');
  });
});

describe('csvField', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180), doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
  it('prefixes cells that a spreadsheet would run as a formula with a quote', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+cmd')).toBe("'+cmd");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('a=b')).toBe('a=b');
  });
  it('writes numbers as they are and empty values as empty fields', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(undefined)).toBe('');
    expect(csvField(null)).toBe('');
  });
});
