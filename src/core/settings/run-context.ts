/**
 * What one run of a use case works from, built once from the settings sheet as read: the period,
 * the catalog it uses (the period's version plus the province's own rows), and the settings'
 * concerns (model.ts) as views a step takes one by one. `settings` stays for the steps that
 * genuinely read several concerns (the report, the settings sheet itself).
 */
import { Catalog } from '../catalog/catalog';
import { catalogFor } from '../catalog/versions';
import { Period } from '../periods';
import { FormRules, ReportHeader, Roster, Schedule, Settings, Targets, ownAgencies } from './model';

export interface RunContext {
  readonly settings: Settings;
  readonly period: Period;
  /** catalogFor(settings): never passed beside settings, so the two cannot disagree. */
  readonly catalog: Catalog;
  readonly schedule: Schedule;
  readonly roster: Roster;
  /** Every agency of the province, as Thiết lập lists them: the roster, or more in a branch's copy. */
  readonly province: Roster;
  readonly header: ReportHeader;
  readonly targets: Targets;
  readonly rules: FormRules;
}

/** A branch's copy of Thiết lập gives a context of its own agencies only (model.ts, ownAgencies). */
export function runContext(read: Settings): RunContext {
  const settings = ownAgencies(read);
  return {
    settings,
    period: settings.period,
    catalog: catalogFor(settings),
    schedule: settings,
    roster: settings,
    province: read,
    header: settings,
    targets: settings,
    rules: settings,
  };
}
