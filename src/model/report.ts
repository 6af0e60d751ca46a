/**
 * Types of the match, score and report stages. The report's shape is schemas/report.schema.json; these types are
 * generated from it (src/model/generated/report.ts), so the JSON Schema and the code cannot drift apart.
 */
export type {
  BaselineSection, ComponentProgress, Diagnostic, FileEntry, FilterSection, Finding, HistoryPoint, KernelEntry, ProgressSection, Report,
  ReportTarget, StatusCounts, Summary, TargetAnswer, TargetCodeCount, TargetId, TargetProgress, TargetSummary,
} from './generated/report.js';
