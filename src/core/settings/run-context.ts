/**
 * What one run of a use case works from, built once from the settings sheet as read: the period,
 * the catalog it uses (the period's version plus the province's own rows), and the settings
 * themselves for what the steps still read from them.
 */
import { Catalog } from '../catalog/catalog';
import { catalogFor } from '../catalog/versions';
import { Period } from '../periods';
import { Settings } from './model';

export interface RunContext {
  readonly settings: Settings;
  readonly period: Period;
  /** catalogFor(settings): never passed beside settings, so the two cannot disagree. */
  readonly catalog: Catalog;
}

export function runContext(settings: Settings): RunContext {
  return { settings, period: settings.period, catalog: catalogFor(settings) };
}
