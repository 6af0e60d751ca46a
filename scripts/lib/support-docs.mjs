/**
 * support-docs.mjs — per-product support statements in vendor API documentation (markdown, possibly with
 * HTML tables), turned into (symbol, chip, supported) facts. Pure: text in, rows out.
 *
 * A support block starts at a heading or a bold line naming the product support section (PRODUCT_SECTION,
 * e.g. a heading `产品支持情况`, the docs' "product support" section) and runs to the next heading (or bold
 * section line). Its rows are recognised in three layouts:
 *   markdown table  `| <term>Atlas A2 ...</term> | √ |`      (cells: a product, and a value √ ✓ × ✗ x 支持 不支持)
 *   HTML table      `<tr><td>...Ascend 950PR...</td><td>√</td></tr>` (flattened to the table layout first)
 *   bullet list     `- Ascend 950PR / Ascend 950DT：支持`       (product, full-width or ASCII colon, value)
 * Product names map to chip ids through PRODUCT_PATTERNS (chips.mjs); products of other chips
 * (Atlas 200I/500 A2, Atlas training/inference series, Kirin) are ignored. A chip the block does not name is
 * not stated: no row.
 *
 * Which symbols a block speaks for: the block's section is the nearest heading above it with a smaller level
 * (for a bold line: the nearest heading above it); the section runs to the next heading of that level or
 * above. Symbols are (1) API names in that heading, (2) functions declared in code blocks of the section that
 * follow a prototype heading (函数原型 / 原型 / prototype), (3) when the section is the whole document (or its
 * top heading is not an API name), API names that are a whole sub-heading of the section without a support
 * block of their own. A heading names an API when, without a trailing parenthetical, it is one identifier
 * (headingName). "API name" is decided by the caller (`apiName(name, kind?) -> symbol | undefined`, kind
 * 'function' for names taken from prototypes), normally membership in the SDK inventory.
 */
import { chipsOfProduct } from './chips.mjs';

const PRODUCT_SECTION = /产品支持情况|支持的产品|产品支持|Supported\s+Products?|Product\s+Support/i;
const PROTOTYPE_SECTION = /原型|prototype|syntax/i;
const YES = /^(√|✓|✔|支持|是|Y|Yes|yes|YES|support(ed)?)$/;
const NO = /^(×|✗|✘|x|X|不支持|否|N|No|no|NO|not\s+supported)$/;

/** Strips HTML tags and entities, markdown emphasis and code marks; collapses spaces. */
export function plainText(s) {
  return String(s)
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\\([_*<>])/g, '$1')
    .replace(/[`*]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One support value (√, ×, 支持, 不支持 ...) -> 'yes' | 'no' | undefined. */
export function supportValue(cell) {
  const t = plainText(cell).replace(/[。.;；]$/, '');
  if (YES.test(t)) return 'yes';
  if (NO.test(t)) return 'no';
  return undefined;
}

/** Turns HTML table rows into `| cell | cell |` lines so that the table layout applies. */
export function flattenHtmlTables(text) {
  if (!/<t[dh][\s>]/i.test(text)) return text;
  return text.replace(/<tr[\s>][\s\S]*?<\/tr>/gi, (tr) => {
    const cells = [...tr.matchAll(/<t[dh][\s>][\s\S]*?<\/t[dh]>/gi)].map((m) => plainText(m[0]));
    return `\n| ${cells.join(' | ')} |\n`;
  });
}

/** Rows of one block's text: [{ product, chips, supported }]. */
export function parseSupportRows(blockText) {
  const rows = [];
  for (const raw of flattenHtmlTables(blockText).split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.includes('|')) {
      const cells = line.replace(/^\|/, '').replace(/\|$/, '').split('|');
      const values = cells.map(supportValue);
      const vi = values.findIndex(Boolean);
      if (vi < 0) continue;
      const product = plainText(cells.filter((_, i) => i !== vi).join(' '));
      const chips = chipsOfProduct(product);
      if (chips.length) rows.push({ product, chips, supported: values[vi] });
      continue;
    }
    const m = /^[-*+]\s+(.+?)\s*[：:]\s*(不支持|支持|√|×|✓|✗)(.*)$/.exec(line);
    if (m && !/[{}]/.test(m[2] + m[3].slice(0, 1))) {
      const product = plainText(m[1]);
      const chips = chipsOfProduct(product);
      if (chips.length) rows.push({ product, chips, supported: supportValue(m[2]) });
    }
  }
  return rows;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BOLD_SECTION = /^\s*\*\*([^*]+)\*\*\s*[：:]?\s*$/;

/**
 * The API name a heading consists of: its plain text without a trailing parenthetical (`Cast(float to half)`,
 * `aclrtMalloc（废弃）`) when what remains is one identifier (A::B allowed); otherwise undefined.
 */
export function headingName(text) {
  const t = plainText(text)
    .replace(/\s*[（(].*$/, '')
    .replace(/^\d+(\.\d+)*\.?\s+/, '')
    .trim();
  return /^[A-Za-z_]\w*(?:::[A-Za-z_]\w*)*$/.test(t) ? t : undefined;
}

/** Function names declared in a code block (`type name(` at the start of a declaration). */
export function declaredFunctions(code) {
  const text = code
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/\s+/g, ' ');
  const names = [];
  for (const m of text.matchAll(/(?:^|[;{}>]|\b(?:inline|static|extern|__aicore__|constexpr|const|void|auto))\s*(?:[\w:]+(?:\s*<[^<>()]*>)?[\s*&]+)*?([A-Za-z_]\w*)\s*\(/g)) {
    const name = m[1];
    if (!/^(if|for|while|switch|return|sizeof|template|decltype|static_cast|reinterpret_cast|const_cast|defined)$/.test(name)) names.push(name);
  }
  return names;
}

/**
 * Support blocks of one markdown document.
 * @param {string} text markdown
 * @param {(name: string) => string | undefined} apiName canonical symbol of an API name, or undefined
 * @returns {{ line: number, symbols: string[], rows: { product: string, chips: string[], supported: string }[] }[]}
 */
export function parseSupportDoc(text, apiName) {
  const lines = text.split('\n');
  const headings = []; // { index, level, text }
  const markers = []; // { index, level }
  const fences = []; // { start, end, heading }
  let inFence = false;
  let fenceStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(```|~~~)/.test(line)) {
      if (inFence) fences.push({ start: fenceStart, end: i });
      else fenceStart = i;
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const h = HEADING.exec(line);
    if (h) {
      const entry = { index: i, level: h[1].length, text: plainText(h[2]) };
      headings.push(entry);
      if (PRODUCT_SECTION.test(entry.text) && entry.text.length < 40) markers.push({ index: i, level: entry.level, heading: true });
      continue;
    }
    const b = BOLD_SECTION.exec(line);
    if (b && PRODUCT_SECTION.test(b[1])) markers.push({ index: i, level: 7, heading: false });
  }
  const headingAt = (i) => headings.filter((h) => h.index < i).at(-1);
  const sectionEnd = (h) => headings.find((x) => x.index > h.index && x.level <= h.level)?.index ?? lines.length;
  const blocks = [];
  for (const mk of markers) {
    const nextHeading = headings.find((h) => h.index > mk.index)?.index ?? lines.length;
    let end = nextHeading;
    if (!mk.heading) {
      for (let i = mk.index + 1; i < nextHeading; i++) if (BOLD_SECTION.test(lines[i]) || /^\s*\*\*[^*]+\*\*\s*[：:]/.test(lines[i])) { end = i; break; }
    }
    const rows = parseSupportRows(lines.slice(mk.index + 1, end).join('\n'));
    if (!rows.length) continue;
    const parent = mk.heading ? headings.filter((h) => h.index < mk.index && h.level < mk.level).at(-1) : headingAt(mk.index);
    const from = parent ? parent.index : 0;
    const to = parent ? sectionEnd(parent) : lines.length;
    const symbols = new Set();
    const add = (name, kind) => {
      const s = apiName(name, kind);
      if (s) symbols.add(s);
    };
    const parentName = parent ? headingName(parent.text) : undefined;
    const parentSymbol = parentName ? apiName(parentName) : undefined;
    if (parentSymbol) symbols.add(parentSymbol);
    for (const f of fences) {
      if (f.start < from || f.end > to) continue;
      const h = headingAt(f.start);
      if (!h || !PROTOTYPE_SECTION.test(h.text)) continue;
      for (const name of declaredFunctions(lines.slice(f.start + 1, f.end).join('\n'))) add(name, 'function');
    }
    if (!parentSymbol) {
      const own = new Set(markers.filter((m) => m !== mk && m.index > from && m.index < to).map((m) => headingAt(m.index)?.index));
      for (const h of headings) {
        if (h.index <= from || h.index >= to || own.has(h.index)) continue;
        const name = headingName(h.text);
        if (name) add(name);
      }
    }
    blocks.push({ line: mk.index + 1, symbols: [...symbols], rows, sectionLevel: parent?.level ?? 0 });
  }
  return blocks;
}

/**
 * Facts of one document: one entry per (symbol, chip) — the most specific block wins (deepest section),
 * the first in document order among equals.
 */
export function supportFacts(text, apiName) {
  const best = new Map();
  for (const block of parseSupportDoc(text, apiName)) {
    for (const symbol of block.symbols) {
      for (const row of block.rows) {
        for (const chip of row.chips) {
          const key = `${symbol}\t${chip}`;
          const prev = best.get(key);
          if (!prev || block.sectionLevel > prev.sectionLevel) best.set(key, { symbol, chip, supported: row.supported, product: row.product, line: block.line, sectionLevel: block.sectionLevel });
        }
      }
    }
  }
  return [...best.values()];
}
