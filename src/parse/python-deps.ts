/**
 * Python dependency lists: requirements*.txt, pyproject.toml and conda environment.yml.
 * Every requirement is reported as `pip:<name>` (lower case, `_` as `-`), so the rules decide which
 * ones are CUDA dependencies (`pip:cupy*`, `pip:nvidia-*`, `pip:pycuda`, ...). A torch pinned to a CUDA
 * build (`torch==2.3.0+cu121`, a `/whl/cu121` index, conda's `pytorch-cuda`) is `pip:torch+cuda`.
 * Comments are skipped except for `# ascendify-ignore` suppressions.
 */
import type { FileFacts, Language, Suppression } from '../model/index.js';
import type { VocabularyFile } from '../model/generated/vocabulary.js';
import { buildWords, OccurrenceSink, suppressionsIn } from './build-common.js';

/** A requirement at the start of a string or line: name, optional extras, then a version spec or the end. */
const REQUIREMENT = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(?:[<>=!~^@;,]|$)/;

const normalise = (name: string): string => name.toLowerCase().replace(/_/g, '-');

function commentStart(line: string): number {
  // A # starts a comment outside quotes (TOML and requirement lines; URLs with #egg= are rare and harmless).
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return i;
  }
  return -1;
}

export function extractDependencyFacts(path: string, language: Language, text: string, vocabulary: VocabularyFile): FileFacts {
  const { cudaBuild, cudaIndex } = buildWords(vocabulary).deps;
  const sink = new OccurrenceSink(text);
  const suppressions: Suppression[] = [];
  const isToml = path.endsWith('.toml');
  const isConda = /\.ya?ml$/.test(path);
  let section = '';
  let inArray = false;
  sink.lines.lines.forEach((raw, row) => {
    const start = sink.lines.starts[row] as number;
    const hash = commentStart(raw);
    if (hash >= 0) suppressions.push(...suppressionsIn(raw.slice(hash + 1), row + 1, raw.slice(0, hash).trim() ? undefined : row + 2));
    const line = hash >= 0 ? raw.slice(0, hash) : raw;
    if (!line.trim()) return;
    const report = (name: string, col: number, whole: string): void => {
      const n = normalise(name);
      const cudaTorch = (n === 'torch' || n === 'pytorch') && cudaBuild.test(whole);
      sink.add(cudaTorch ? 'pip:torch+cuda' : `pip:${n}`, 'token', start + col, start + col + name.length);
    };
    if (cudaIndex.test(line)) {
      const col = line.search(cudaIndex);
      sink.add('pip:torch+cuda', 'token', start + col, start + line.trimEnd().length);
    }
    if (isToml) {
      const header = /^\s*\[+([^\]]+)\]+/.exec(line);
      if (header) {
        section = (header[1] as string).trim();
        inArray = false;
        return;
      }
      // Requirement strings in arrays (dependencies = [...], requires = [...], optional groups).
      if (/^\s*[\w.-]+\s*=\s*\[/.test(line)) inArray = /dependencies|requires|optional-dependencies/.test(line) || /optional-dependencies|dependency-groups/.test(section);
      if (inArray) {
        for (const m of line.matchAll(/["']([^"']+)["']/g)) {
          const r = REQUIREMENT.exec(m[1] as string);
          if (r) report(r[1] as string, (m.index as number) + 1 + (m[1] as string).indexOf(r[1] as string), m[1] as string);
        }
        if (line.includes(']')) inArray = false;
        return;
      }
      // Poetry tables: name = "^1.0" or name = { version = ... }.
      if (/dependencies$/.test(section)) {
        const kv = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*=/.exec(line);
        if (kv && kv[1] !== 'python') report(kv[1] as string, line.indexOf(kv[1] as string), line);
      }
      return;
    }
    if (isConda) {
      // `  - name=version` items (conda) and `    - name==version` under `pip:`.
      const item = /^\s*-\s*(?:[\w-]+::)?([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line);
      if (!item || /^\s*-\s*pip\s*:\s*$/.test(line)) return; // `- pip:` opens the pip list
      const name = normalise(item[1] as string);
      if (name === 'pytorch-cuda' || name === 'cudatoolkit' || name === 'cuda-toolkit') {
        sink.add(name === 'pytorch-cuda' ? 'pip:torch+cuda' : `pip:${name}`, 'token', start + line.indexOf(item[1] as string), start + line.trimEnd().length);
        return;
      }
      report(item[1] as string, line.indexOf(item[1] as string), line);
      return;
    }
    // requirements.txt: options (-r, -e, --index-url) carry no package name except -e/--editable URLs.
    if (/^\s*-/.test(line)) return;
    const r = REQUIREMENT.exec(line);
    if (r) report(r[1] as string, line.indexOf(r[1] as string), line);
  });
  return sink.facts(path, language, suppressions);
}
