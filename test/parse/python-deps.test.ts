import { VOCABULARY } from '../helpers/facts.js';
import { describe, expect, it } from 'vitest';
import { languageOf } from '../../src/discover/walk.js';
import { extractDependencyFacts } from '../../src/parse/python-deps.js';

const uses = (path: string, text: string): string[] => extractDependencyFacts(path, 'deps', text, VOCABULARY).occurrences.map((o) => `${o.line}:${o.name}`);

describe('dependency lists', () => {
  it('classifies requirements files, pyproject.toml and conda environments', () => {
    expect(['requirements.txt', 'requirements-dev.txt', 'test-requirements.txt', 'pyproject.toml', 'environment.yml', 'README.txt'].map((p) => languageOf(p) ?? '-')).toEqual([
      'deps', 'deps', 'deps', 'deps', 'deps', '-',
    ]);
  });

  it('reads requirements.txt: names, CUDA builds of torch, CUDA indexes; skips options and comments', () => {
    const text = ['# cupy in a comment', '-r base.txt', '--extra-index-url https://download.pytorch.org/whl/cu121', 'torch==2.3.0', 'Flash_Attn[all]>=2 ; python_version>"3.8"', 'cupy-cuda12x  # GPU arrays', ''].join('\n');
    expect(uses('requirements.txt', text)).toEqual(['3:pip:torch+cuda', '4:pip:torch', '5:pip:flash-attn', '6:pip:cupy-cuda12x']);
  });

  it('reads pyproject.toml dependency arrays and Poetry tables, not other strings', () => {
    const text = [
      '[project]',
      'name = "cupy-demo"',
      'dependencies = [',
      '  "torch>=2.1",',
      '  "triton==2.3.0",',
      ']',
      '[project.optional-dependencies]',
      'gpu = ["cupy-cuda11x"]',
      '[tool.poetry.dependencies]',
      'python = "^3.10"',
      'pycuda = "^2024.1"',
    ].join('\n');
    expect(uses('pyproject.toml', text)).toEqual(['4:pip:torch', '5:pip:triton', '8:pip:cupy-cuda11x', '11:pip:pycuda']);
  });

  it('reads conda environment files, including the pip section and pytorch-cuda', () => {
    const text = ['name: train', 'channels: [pytorch, nvidia]', 'dependencies:', '  - python=3.11', '  - pytorch-cuda=12.1', '  - nvidia::cudatoolkit=11.8', '  - pip:', '    - pynvml==11.5'].join('\n');
    expect(uses('environment.yml', text)).toEqual(['4:pip:python', '5:pip:torch+cuda', '6:pip:cudatoolkit', '8:pip:pynvml']);
  });

  it('keeps ascendify-ignore comments as suppressions', () => {
    const facts = extractDependencyFacts('requirements.txt', 'deps', 'cupy  # ascendify-ignore deps-cupy -- CPU fallback exists\n', VOCABULARY);
    expect(facts.suppressions).toEqual([{ line: 1, target: 'deps-cupy', reason: 'CPU fallback exists' }]);
  });
});
