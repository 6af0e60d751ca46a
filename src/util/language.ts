/** Which front end reads a file, from its name alone (no file system). */
import { basename, extname } from 'node:path';
import type { Language } from '../model/index.js';

export const SOURCE_EXTENSIONS: Record<string, Language> = {
  '.cu': 'cuda', '.cuh': 'cuda',
  '.c': 'c',
  '.cc': 'cpp', '.cpp': 'cpp', '.cxx': 'cpp', '.h': 'cpp', '.hh': 'cpp', '.hpp': 'cpp', '.hxx': 'cpp', '.inl': 'cpp',
  // Other kernel dialects, read by the same C/C++ front end (the match stage tells their code apart): HIP, MUSA,
  // Ascend C, BANG C.
  '.hip': 'cpp', '.mu': 'cpp', '.muh': 'cpp', '.asc': 'cpp', '.mlu': 'cpp',
  '.cmake': 'cmake', '.mk': 'make', '.py': 'python',
};

/** Build files recognised by their whole name (matched case-sensitively, as make and CMake do). */
export const SOURCE_FILE_NAMES: Record<string, Language> = {
  'CMakeLists.txt': 'cmake', Makefile: 'make', makefile: 'make', GNUmakefile: 'make',
};

/** Python dependency lists: requirements*.txt (and *-requirements.txt), pyproject.toml, conda environment files. */
const DEPENDENCY_FILE = /^(?:.*requirements.*\.txt|pyproject\.toml|environment\.ya?ml|conda[-_.\w]*\.ya?ml)$/i;

/** The language of a file from its name: build-file names first, then dependency lists, then the extension. */
export function languageOf(path: string): Language | undefined {
  const name = basename(path);
  if (Object.hasOwn(SOURCE_FILE_NAMES, name)) return SOURCE_FILE_NAMES[name];
  if (DEPENDENCY_FILE.test(name)) return 'deps';
  return SOURCE_EXTENSIONS[extname(name).toLowerCase()];
}

