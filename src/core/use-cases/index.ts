/**
 * The use cases behind the menu, the CLI and the dialogs, one per file, each written once against
 * WorkbookPort (or on plain data). Each returns what happened; the adapters decide how to show it
 * (an alert, a toast, the console). Adapters import use cases from here only (eslint.config.mjs).
 */
export { loadSettings } from './load-settings';
export type { LoadedSettings } from './load-settings';
export { setupSettings } from './setup-settings';
export { capacityProblem, generateTemplates } from './generate-templates';
export type { TemplateOutcome } from './generate-templates';
export { checkWorkbook } from './check-workbook';
export { validateAll } from './validate-all';
export { validateOne } from './validate-one';
export { markSubmitted } from './mark-submitted';
export { submitTyped } from './submit-typed';
export type { SubmitOutcome } from '../checks/sent-stamp';
export { consolidateWorkbook } from './consolidate-workbook';
export { draftReport } from './draft-report';
export type { DraftOptions, DraftOutcome } from './draft-report';
export { splitPlans } from './split-plans';
export { collectFiles } from './collect-files';
export { fillAgencyFile } from './fill-agency-file';
export type { CollectOutcome } from './collect-files';
export type { RunOptions } from '../workbook';
