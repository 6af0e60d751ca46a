/**
 * Parse stage dispatch: one front end per language, all returning FileFacts.
 * C/C++/CUDA go through the tree-sitter-cuda extractor (the parser is the caller's);
 * CMake, Makefiles and Python have their own readers (docs/build-and-python.md).
 */
import type Parser from 'tree-sitter';
import type { FileFacts, Language, Lexicon } from '../model/index.js';
import { extractCMakeFacts } from './cmake.js';
import { extractFacts } from './extract.js';
import { extractMakefileFacts } from './makefile.js';
import { extractPythonFacts } from './python.js';
import { extractDependencyFacts } from './python-deps.js';

export function extractFactsFor(parser: Parser, path: string, language: Language, source: string, lexicon: Lexicon): FileFacts {
  // Old Mac line endings (a lone CR) end a line like LF does; the same length keeps every offset.
  const text = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  switch (language) {
    case 'cmake':
      return extractCMakeFacts(path, language, text, lexicon.vocabulary);
    case 'make':
      return extractMakefileFacts(path, language, text, lexicon.vocabulary);
    case 'python':
      return extractPythonFacts(path, language, text, lexicon.vocabulary);
    case 'deps':
      return extractDependencyFacts(path, language, text, lexicon.vocabulary);
    default:
      return extractFacts(parser, path, language, text, lexicon);
  }
}
