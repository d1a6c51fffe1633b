/**
 * The settings sheet "Thiết lập", by concern: what settings are (model), the sheet's layout
 * (layout), the province's own indicators (extras), reading it back (read) and the example a
 * first run starts with (example).
 */
export * from './model';
export {
  AGENCY_HEADER,
  AGENCY_TITLE,
  EXTRA_HEADER,
  EXTRA_TITLE,
  FIELDS,
  OWNER_HEADER,
  OWNER_TITLE,
  fieldLabel,
  settingsPlan,
} from './layout';
export { AGGREGATE_LABELS, APPLIES_LABELS, KIND_LABELS } from './extras';
export { ownBranchName, readSettings } from './read';
export { defaultOwners, exampleSettings } from './example';
