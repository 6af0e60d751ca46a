/** The tool's version, as package.json states it (test/model/version.test.ts keeps the two equal). */
export const TOOL_VERSION = '0.1.0';
