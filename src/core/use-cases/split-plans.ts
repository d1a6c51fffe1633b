import { AgencyFile, agencyFilePlan } from '../agency-files/split';
import { RunContext } from '../settings/run-context';

/** Every agency's file, names made unique without ever depending on the order of the disk. */
export function splitPlans(ctx: RunContext): AgencyFile[] {
  const { catalog, settings } = ctx;
  const used = new Set<string>();
  const digits = Math.max(2, ...ctx.roster.agencies.map((a) => String(a.stt).length));
  return ctx.roster.agencies.map((agency) => {
    const f = agencyFilePlan(catalog, settings, agency, digits);
    let name = f.fileName;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = f.fileName.replace(/\.xlsx$/, ` (${i}).xlsx`);
    used.add(name.toLowerCase());
    return { ...f, fileName: name };
  });
}
