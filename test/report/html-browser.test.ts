/**
 * The HTML report in a real headless browser (Debian's chromium driven by playwright-core): the DOM
 * managers see, sorting and drill-down, print CSS, no console errors, and no script injection from
 * scanned file names or source text. Skipped only where chromium is missing outside CI.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');
const HOSTILE_NAME = '<img src=x onerror=alert(1)>.cu';
const HOSTILE_SOURCE = `#include <cuda_runtime.h>
__global__ void k(float* p) { p[threadIdx.x] = 0; } // </script><script>alert(2)</script>
int main() {
  float* p; cudaMalloc(&p, 4); /* </script><img src=y onerror=alert(3)> */
  k<<<1, 1>>>(p); cudaFree(p); // <svg onload=alert(4)> \u2028 {{x}}
  return 0;
}
`;

interface Watch {
  dialogs: string[];
  errors: string[];
  requests: string[];
}

async function open(browser: Browser, file: string, watch: Watch): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') watch.errors.push(m.text());
  });
  page.on('pageerror', (e) => watch.errors.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) watch.requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href);
  return page;
}

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('HTML report in a headless browser', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'ascendify-'));
  const watch: Watch = { dialogs: [], errors: [], requests: [] };

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the samples report: target cards, charts, tables; sorts, drills down, prints, without console errors', async () => {
    const out = join(dir, 'samples-out');
    const res = await cli(['scan', SAMPLES, '--format', 'html,json', '--output-dir', out, '--no-cache', '--jobs', '1']);
    expect(res.code, res.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'ascendify-report.json'), 'utf8')) as { targets: { id: string }[]; findings: { file: string }[] };
    const page = await open(browser, join(out, 'ascendify-report.html'), watch);

    expect(await page.locator('article.card.target h3').allTextContents()).toEqual(report.targets.map((t) => t.id));
    expect(await page.locator('#charts svg.chart').count()).toBe(4);
    expect(await page.locator('#blockers-table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#apis-table tbody tr').count()).toBe(10);

    // Components: one per top-level sample folder that has scanned files.
    const folders = [...new Set(report.findings.map((f) => f.file.split('/')[0]))].sort();
    const names = async (): Promise<string[]> => page.locator('#components-table tbody.component tr.row td:first-child button code').allTextContents();
    expect([...(await names())].sort()).toEqual(expect.arrayContaining(folders));

    // Sort by component name (text: ascending first), then again (descending).
    const header = page.locator('#components-table thead th', { hasText: 'Component' });
    await header.click();
    const asc = await names();
    expect(asc).toEqual([...asc].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await header.click();
    expect(await names()).toEqual([...asc].reverse());

    // Sort by CUDA uses: numeric, largest first.
    await page.locator('#components-table thead th', { hasText: 'CUDA uses' }).click();
    const uses = (await page.locator('#components-table tbody.component tr.row td:nth-child(4)').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    expect(uses).toEqual([...uses].sort((a, b) => b - a));

    // Drill down: the first component's files, then a file's findings with rule links and snippets.
    const first = page.locator('#components-table tbody.component').first();
    await expect.poll(() => first.locator('tr.detail').isVisible()).toBe(false);
    await first.locator('button.toggle').click();
    expect(await first.locator('button.toggle').getAttribute('aria-expanded')).toBe('true');
    expect(await first.locator('tr.detail').isVisible()).toBe(true);
    await first.locator('details.file summary').first().click();
    const link = first.locator('details.file[open] a[href^="docs/rules/"]').first();
    expect(await link.getAttribute('href')).toMatch(/^docs\/rules\/[a-z-]+\.md#[a-z0-9-]+$/);
    expect(await first.locator('details.file[open] td.snip code').count()).toBeGreaterThan(0);

    await page.click('#expand-all');
    expect(await page.locator('#components-table tr.detail.collapsed').count()).toBe(0);
    await page.click('#collapse-all');

    const shot = join(dir, 'html-report.png');
    await page.setViewportSize({ width: 1280, height: 1440 });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: shot });
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
    if (process.env.ASCENDIFY_UPDATE_SCREENSHOT) {
      mkdirSync(join(import.meta.dirname, '..', '..', 'docs', 'img'), { recursive: true });
      copyFileSync(shot, join(import.meta.dirname, '..', '..', 'docs', 'img', 'html-report.png'));
    }

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.toolbar').isVisible()).toBe(false);
    expect(await page.locator('article.card.target').first().isVisible()).toBe(true);

    expect(watch.errors).toEqual([]);
    expect(watch.requests).toEqual([]);
    await page.close();
  });

  it('links blockers to their findings, searches findings, folds notes, shows confidence (and reads in Chinese)', async () => {
    const out = join(dir, 'nav-out');
    const res = await cli(['scan', SAMPLES, '--format', 'html', '--output-dir', out, '--no-cache', '--jobs', '1', '--lang', 'zh-CN',
      '--source-url', 'https://git.example/org/repo/blob/main/{path}#L{line}']);
    expect(res.code, res.stderr).toBe(0);
    const local: Watch = { dialogs: [], errors: [], requests: [] };
    const page = await open(browser, join(out, 'ascendify-report.html'), local);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('#expand-all').textContent()).toBe('全部展开');

    // A blocker's "first seen" jumps to its finding: the component opens, the file unfolds, the row is the target.
    const jump = page.locator('#blockers-table a.jump').first();
    const target = (await jump.getAttribute('href'))!.slice(1);
    expect(await page.locator(`#${target}`).isVisible()).toBe(false);
    await jump.click();
    await expect.poll(() => page.locator(`#${target}`).isVisible()).toBe(true);
    expect(await page.evaluate('location.hash')).toBe(`#${target}`);
    // ... and the code link points at the repository.
    expect(await page.locator('#blockers-table a.src').first().getAttribute('href')).toMatch(/^https:\/\/git\.example\/org\/repo\/blob\/main\/.+#L\d+$/);
    await page.click('#collapse-all');

    // Search: only matching findings stay, their components open; clearing restores every row.
    const all = await page.locator('#components-table tr.finding').count();
    await page.fill('#finding-search', 'ncclAllReduce');
    await page.press('#finding-search', 'Enter');
    const shown = page.locator('#components-table tr.finding:not(.nomatch)');
    await expect.poll(() => shown.count()).toBeGreaterThan(0);
    const n = await shown.count();
    expect(n).toBeLessThan(all);
    // A finding matches by its row, its line of code or its file's path.
    const texts = (await page.evaluate(`[...document.querySelectorAll('#components-table tr.finding:not(.nomatch)')].map((r) =>
      (r.closest('details.file').querySelector('summary code').textContent + ' ' + r.textContent + ' ' + r.nextElementSibling.textContent).toLowerCase())`)) as string[];
    for (const text of texts) expect(text).toContain('ncclallreduce');
    expect(await shown.first().isVisible()).toBe(true);
    const opened = await page.locator('tbody.component:not(.nomatch)').count();
    expect(opened).toBeGreaterThan(0);
    expect(opened).toBeLessThan(await page.locator('tbody.component').count());
    expect(await page.locator('#search-count').textContent()).toBe(`${n} 条匹配的发现`);
    await page.fill('#finding-search', 'no-such-api-anywhere');
    await page.press('#finding-search', 'Enter');
    expect(await page.locator('#search-count').textContent()).toBe('没有匹配的发现。');
    await page.fill('#finding-search', '');
    await page.press('#finding-search', 'Enter');
    expect(await page.locator('#components-table .nomatch').count()).toBe(0);

    // Notes fold; confidence badges mark the answers the catalog is not sure of.
    const notes = page.locator('#notes details.note');
    if (await notes.count()) {
      expect(await notes.first().locator('li').first().isVisible()).toBe(false);
      await notes.first().locator('summary').click();
      expect(await notes.first().locator('li').first().isVisible()).toBe(true);
    }
    expect(await page.locator('#blockers-table .conf').count()).toBeGreaterThan(0);
    expect(local.errors).toEqual([]);
    expect(local.requests).toEqual([]);
    await page.close();
  });

  it('runs nothing from scanned file names or source text', async () => {
    const project = join(dir, 'hostile');
    mkdirSync(join(project, 'evil'), { recursive: true });
    writeFileSync(join(project, 'evil', HOSTILE_NAME), HOSTILE_SOURCE);
    const out = join(dir, 'hostile-out');
    const res = await cli(['scan', project, '--format', 'html', '--output-dir', out, '--no-cache', '--jobs', '1']);
    expect(res.code, res.stderr).toBe(0);
    const local: Watch = { dialogs: [], errors: [], requests: [] };
    const page = await open(browser, join(out, 'ascendify-report.html'), local);
    await page.click('#expand-all');
    await page.locator('details.file summary').first().click();

    expect(local.dialogs).toEqual([]);
    expect(local.errors).toEqual([]);
    expect(local.requests).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('[onerror], [onload]').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('svg:not(.chart):not(.ring)').count()).toBe(0);
    // The hostile text is shown as text.
    expect(await page.locator('details.file summary code').first().textContent()).toBe(`evil/${HOSTILE_NAME}`);
    const snippets = await page.locator('td.snip code').allTextContents();
    expect(snippets).toContain('float* p; cudaMalloc(&p, 4); /* </script><img src=y onerror=alert(3)> */');
    expect(snippets.some((s) => s.includes('</script><script>alert(2)</script>'))).toBe(true);
    await page.close();
  });
});
