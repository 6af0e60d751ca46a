/** The tree-sitter parser for CUDA C++ (tree-sitter-cuda extends tree-sitter-cpp with <<<...>>> and qualifiers). */
import Parser from 'tree-sitter';
import Cuda from 'tree-sitter-cuda';

export type SyntaxNode = Parser.SyntaxNode;
export type Tree = Parser.Tree;

export function createCudaParser(): Parser {
  const parser = new Parser();
  parser.setLanguage(Cuda as Parser.Language);
  return parser;
}

/** tree-sitter's node binding reads long strings in chunks; a callback input avoids its size limit. */
export function parseText(parser: Parser, text: string): Tree {
  if (text.length < 1 << 20) return parser.parse(text);
  return parser.parse((index: number) => text.slice(index, index + 65536));
}
