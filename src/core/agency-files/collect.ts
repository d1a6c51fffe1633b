/**
 * Collecting agencies' own files back into the province workbook: written once here for the CLI
 * and the add-on. A file is recognised by its identity block, never by its name; each refusal
 * is one Vietnamese line; an accepted file is written into its agency's tab with one write.
 */
import { Catalog } from '../catalog/catalog';
import { formatDmy, isDate, readDate } from '../primitives/dates';
import { formRows, lockedReason } from '../form/row-modes';
import { CellInput } from '../sheet/plan';
import { RawCell, SheetSnapshot, a1, a1Range, cellText, isBlank, parseA1 } from '../sheet/grid';
import { FormIdentity, formVersion, identityText, readIdentity } from '../form/identity';
import { AgencyReport, ParsedRow, parseAgencyTab, percentCellValue, recompute, sameResult } from '../form/parse';
import { periodInText, inText } from '../periods';
import { Agency, FormSettings, ReportHeader, Roster, branchOf } from '../settings';
import { placeName } from '../workbook-set';
import { COL, FreeTextField, labelCells } from '../form/template';
import { fold, squish } from '../primitives/text';
import { CellFormula, isFormulaError, ooxmlFormula, rateFormulaAt } from '../form/formulas';

/** A file as both adapters see it: its name and every sheet as a grid. */
export interface IncomingFile {
  readonly name: string;
  readonly sheets: readonly SheetSnapshot[];
}

export type Prefer = 'none' | 'newest';

interface Accepted {
  readonly ok: true;
  readonly file: string;
  readonly agency: Agency;
  readonly identity: FormIdentity;
  readonly snap: SheetSnapshot;
  readonly report: AgencyReport;
}
interface Refused {
  readonly ok: false;
  readonly file: string;
  readonly agency: Agency | null;
  readonly reason: string;
}
export type Verdict = Accepted | Refused;

export interface CollectRow {
  readonly file: string;
  readonly agency: string;
  readonly rowsTaken: number;
  readonly findings: string;
  readonly status: string;
  readonly ok: boolean;
}

/** Who the file says it is, and whether the province workbook agrees. */
export function examineFile(
  catalog: Catalog,
  settings: FormSettings & Pick<ReportHeader, 'issuingBody'>,
  file: IncomingFile,
  province?: Roster,
): Verdict {
  const refuse = (reason: string, agency: Agency | null = null): Refused => ({
    ok: false,
    file: file.name,
    agency,
    reason,
  });
  const hits = file.sheets.map((s) => ({ snap: s, id: readIdentity(s.values) })).filter((h) => h.id.found);
  if (!hits.length)
    return refuse(
      'không phải biểu mẫu CCHC tách từ sổ tổng hợp (không có khối "Thông tin nhận dạng biểu mẫu"); hãy gửi đơn vị tệp do lệnh split tạo',
    );
  if (hits.length > 1)
    return refuse(`có ${hits.length} khối nhận dạng trong một tệp; mỗi tệp chỉ chứa biểu mẫu của một đơn vị`);
  const { snap, id: reading } = hits[0]!;
  if (!reading.found) return refuse('không đọc được khối nhận dạng');
  if (!reading.identity) return refuse(`${reading.problem}; hãy dùng lại tệp gốc đã nhận`);
  const id = reading.identity;
  if (!reading.sealed)
    return refuse(
      `khối nhận dạng đã bị sửa hoặc chép từ tệp khác (mã kiểm tra không khớp với ${identityText(id)}); hãy dùng đúng tệp đã nhận từ đơn vị tổng hợp`,
    );
  if (fold(id.province) !== fold(settings.issuingBody))
    return refuse(`biểu mẫu của "${id.province}", không phải của "${settings.issuingBody}"`);
  if (id.period !== settings.period.id || id.year !== settings.period.year)
    return refuse(`biểu mẫu ${periodInText(id.period, id.year)}, sổ tổng hợp đang ở ${inText(settings.period)}`);
  const named = (a: Agency) => a.stt === id.agencyId && fold(a.name) === fold(id.agencyName);
  const agency = settings.agencies.find(named);
  const elsewhere = agency ? undefined : province?.agencies.find(named);
  if (elsewhere) return refuse(notHere(elsewhere), elsewhere);
  if (!agency)
    return refuse(
      `đơn vị "${id.agencyName}" (mã ${String(id.agencyId).padStart(2, '0')}) không có trong danh sách đơn vị của sổ tổng hợp`,
    );
  const current = formVersion(catalog, settings, agency);
  if (id.form !== current)
    return refuse(
      `biểu mẫu phiên bản ${id.form} đã cũ (hiện là ${current}): danh sách chỉ tiêu hoặc đơn vị cung cấp số liệu đã đổi sau khi tách tệp; hãy gửi lại tệp mới cho đơn vị`,
      agency,
    );
  const report = parseAgencyTab(catalog, snap);
  if (report.tableHeaderRow === null)
    return refuse('không tìm thấy bảng số liệu (dòng "STT | Chỉ tiêu thống kê | …")', agency);
  const header = report.header.agency?.text ?? '';
  if (fold(header) !== fold(agency.name))
    return refuse(
      `ô "Đơn vị báo cáo" ghi "${header}", khác với khối nhận dạng ("${agency.name}"): tệp đã bị chép hoặc sửa tiêu đề`,
      agency,
    );
  const altered = formMismatches(catalog, settings, agency, report, snap);
  if (altered.length)
    return refuse(
      `bảng số liệu không còn đúng biểu mẫu của ${agency.name}: ${altered.slice(0, 3).join('; ')}${altered.length > 3 ? `; và ${altered.length - 3} chỗ khác` : ''}. Số liệu không được nhận vì không biết con số nào thuộc chỉ tiêu nào; hãy điền lại vào tệp gốc đã nhận (không sửa cột STT, tên chỉ tiêu)`,
      agency,
    );
  return { ok: true, file: file.name, agency, identity: id, snap, report };
}

/**
 * Why a file is refused by a workbook that does not hold its agency's tab, when another workbook
 * of the province does (Thiết lập's column "Sổ nhánh"): the clerk is told which one to collect it into.
 */
export function notHere(agency: Agency): string {
  return `đơn vị ${agency.name} có biểu mẫu ở ${placeName({ name: branchOf(agency) })}, không ở sổ này: hãy nhận tệp này vào sổ đó`;
}

/**
 * Where the file's table differs from the form this agency was sent: a code changed, added,
 * removed or moved, or an indicator's name changed. The identity block names the agency; this
 * is what makes the figures below it that agency's form (an agency of another type is asked
 * other rows, so its table does not pass under another's block).
 */
export function formMismatches(
  catalog: Catalog,
  settings: FormSettings,
  agency: Agency,
  report: AgencyReport,
  snap: SheetSnapshot,
): string[] {
  const out: string[] = [];
  for (const s of report.structure) {
    if (s.kind === 'unknown-code') out.push(`ô ${s.cell} ghi mã "${s.code}" không có trong biểu mẫu`);
    else if (s.kind === 'duplicate-code') out.push(`ô ${s.cell} lặp lại mã ${s.code} (đã có ở ô ${s.first})`);
    else if (s.kind === 'value-without-code') out.push(`ô ${s.cell} có số liệu trên dòng không có mã chỉ tiêu`);
    else if (s.kind === 'header-text') out.push(`ô ${s.cell} ghi "${s.found}" thay cho "${s.expected}"`);
  }
  const rows = formRows(catalog, settings, agency);
  const expected = rows.map((r) => r.ind.code);
  const found = [...report.codeRows];
  // Which rows the form locks, and for whom, is written in its notes ("Không áp dụng", "Do … cung
  // cấp"): a table made for another agency (another type, another owner) says so there.
  const otherForm = rows.filter((r) => {
    const at = report.rows.get(r.ind.code);
    if (!at) return false;
    const note = squish(cellText(snap.values[at.row - 1]?.[COL.note - 1]));
    const reason = lockedReason(r.mode);
    return reason ? fold(note) !== fold(reason) : LOCKED_NOTE.test(note);
  });
  if (otherForm.length)
    out.push(
      `${otherForm.length} dòng chỉ tiêu (${otherForm
        .slice(0, 3)
        .map((r) => `ô ${a1(report.rows.get(r.ind.code)!.row, COL.note)}`)
        .join(
          ', ',
        )}${otherForm.length > 3 ? ', …' : ''}) là của biểu mẫu đơn vị khác (ghi chú "Không áp dụng"/"Do … cung cấp" khác với biểu mẫu đã gửi ${agency.name})`,
    );
  const len = Math.max(expected.length, found.length);
  for (let i = 0; i < len && out.length < 10; i++) {
    const want = expected[i];
    const got = found[i];
    if (!got) {
      out.push(`thiếu dòng chỉ tiêu ${want}`);
      continue;
    }
    const [row, code] = got;
    if (want !== code) {
      out.push(`ô ${a1(row, COL.code)} ghi mã ${code}, biểu mẫu có ${want ?? 'hết bảng'} ở vị trí này`);
      continue;
    }
    const ind = catalog.get(code)!;
    const label = cellText(snap.values[row - 1]?.[COL.name - 1]);
    const [name] = labelCells(catalog, ind);
    if (fold(squish(label)) !== fold(squish(name)))
      out.push(
        `ô ${a1(row, COL.name)} (chỉ tiêu ${code}) ghi "${squish(label).slice(0, 60)}", biểu mẫu ghi "${squish(name).slice(0, 60)}"`,
      );
  }
  return out;
}

/**
 * The notes the form writes on a row another agency supplies (form.ts lockedReason). "Không áp
 * dụng" is left out: an agency may type it in the note of a row it fills.
 */
const LOCKED_NOTE = /^(do .* cung cấp|chưa chỉ định đơn vị cung cấp)$/i;

/** Two files for one agency: both refused, or with --prefer newest the later sent date wins. */
export function resolveDuplicates(verdicts: readonly Verdict[], prefer: Prefer): Verdict[] {
  const byAgency = new Map<string, Accepted[]>();
  for (const v of verdicts) if (v.ok) byAgency.set(v.agency.sheet, [...(byAgency.get(v.agency.sheet) ?? []), v]);
  const replaced = new Map<Verdict, Refused>();
  for (const all of byAgency.values()) {
    if (all.length < 2) continue;
    // A blank file sent beside a filled one (a resend of the untouched form) is set aside, not a conflict.
    const filled = all.filter((v) => !blankFile(v));
    const group = filled.length ? filled : all;
    for (const v of all)
      if (filled.length && !filled.includes(v))
        replaced.set(v, {
          ok: false,
          file: v.file,
          agency: v.agency,
          reason: `tệp trống (chưa có số liệu, trạng thái hay ý kiến nào); đã lấy tệp có số liệu của ${v.agency.name}: ${filled.map((o) => `"${o.file}"`).join(', ')}`,
        });
    if (group.length < 2) continue;
    const dated = group.map((v) => ({ v, d: v.report.sentOn.date }));
    const newest = [...dated].sort((a, b) => (b.d ?? '').localeCompare(a.d ?? ''))[0]!;
    const unique = newest.d !== null && dated.filter((x) => x.d === newest.d).length === 1;
    for (const { v, d } of dated) {
      const others = group.filter((o) => o !== v).map((o) => `"${o.file}"`);
      if (prefer === 'newest' && unique) {
        if (v === newest.v) continue;
        replaced.set(v, {
          ok: false,
          file: v.file,
          agency: v.agency,
          reason: `đã có tệp mới hơn của ${v.agency.name}: "${newest.v.file}" (ngày gửi ${formatDmy(newest.d!)}; tệp này ${d ? formatDmy(d) : 'chưa ghi ngày gửi'})`,
        });
      } else {
        replaced.set(v, {
          ok: false,
          file: v.file,
          agency: v.agency,
          reason:
            prefer === 'newest'
              ? `trùng đơn vị ${v.agency.name} với ${others.join(', ')} và không phân biệt được tệp nào mới hơn (ngày gửi trống hoặc bằng nhau)`
              : `trùng đơn vị ${v.agency.name} với ${others.join(', ')}; chỉ nhận một tệp cho mỗi đơn vị (hoặc dùng --prefer newest để lấy tệp có ngày gửi mới nhất)`,
        });
      }
    }
  }
  return verdicts.map((v) => replaced.get(v) ?? v);
}

export interface TabWrite {
  readonly sheet: string;
  readonly range: string;
  readonly cells: CellInput[][];
  readonly rowsTaken: number;
}

function asInput(v: RawCell | undefined): CellInput {
  if (v === undefined || v === null || v === '') return null;
  if (isDate(v)) {
    const d = readDate(v);
    return d ? { date: d } : null;
  }
  return v;
}

/**
 * What an input cell of the file becomes in the province tab: values, never another program's
 * arithmetic. A formula is judged by what our engine computes from the file's own counts (the
 * result LibreOffice or Excel cached is ignored: LibreOffice reads "3.123" as three, not three
 * thousand). The form's own formula, or its result typed over it, becomes the province's formula,
 * which recomputes from the collected counts; another computable formula becomes its result; one
 * we cannot compute (no result, another sheet, another file) is kept as its text, so that
 * validating the new workbook names the same cell the file's own check names.
 */
function valueFor(
  catalog: Catalog,
  code: string,
  formula: CellFormula | null,
  src: { snap: SheetSnapshot; report: AgencyReport },
  from: ParsedRow | undefined,
  /** The number format of the cell the value goes into. */
  targetFormat: string,
): CellInput {
  if (!from) return null;
  const fact = src.snap.cells?.get(from.cell);
  const inSource = rateFormulaAt(catalog, code, (c) => src.report.rows.get(c)?.row);
  const expected = inSource ? recompute(src.snap, ooxmlFormula(inSource)) : null;
  if (fact?.kind === 'formula') {
    // The figure validate and consolidate read from the cell (parse.ts), never the stored result.
    const own = from.computed ?? null;
    if (formula && inSource && own !== null && sameResult(own, expected)) return { formula };
    if (own !== null && !isFormulaError(own)) return typeof own === 'number' ? own : asInput(own);
    return `=${fact.formula}`;
  }
  const raw = from.raw;
  // Where the agency left the formula's own result, the formula (not a frozen number) is copied.
  if (formula && inSource && (isBlank(raw) || (typeof raw === 'number' && sameResult(raw, expected))))
    return { formula };
  // A rate typed as a number goes over as the figure it was read as, in the target cell's terms:
  // 0,142 under "0.000\%" (which does not scale) is 0,142%, so 0,00142 under the form's "0.00%".
  if (from.ind.kind === 'percent' && typeof raw === 'number' && from.reading.state === 'number')
    return percentCellValue(from.reading.value, targetFormat);
  return asInput(raw);
}

/**
 * The one write that puts an agency's file into its tab: a rectangle from the status row to the
 * last free-text answer, columns B to E. Cells the agency may not edit keep the tab's own
 * content; the agency's input cells, status, sent date, preparer, phone and free text come from
 * the file. Rows are matched by indicator code, so moved rows still land right.
 */
export function tabWrite(
  catalog: Catalog,
  settings: FormSettings,
  agency: Agency,
  src: { snap: SheetSnapshot; report: AgencyReport },
  target: SheetSnapshot,
): TabWrite | { error: string } {
  const dst = parseAgencyTab(catalog, target);
  const header = [dst.status.cell, dst.sentOn.cell, dst.header.preparer?.cell, dst.header.phone?.cell];
  const freeCells = Object.values(dst.freeTextCells);
  if (dst.tableHeaderRow === null || header.some((c) => !c) || freeCells.length < 3)
    return {
      error: `trang "${agency.sheet}" trong sổ tổng hợp không còn đúng mẫu (thiếu bảng số liệu, ô trạng thái hoặc ô ý kiến); chạy "Tạo biểu mẫu" hoặc sửa trang rồi nhập lại`,
    };
  const rowsOf = (cells: readonly (string | null | undefined)[]) => cells.map((c) => parseA1(c!).row);
  const top = Math.min(...rowsOf(header));
  const bottom = Math.max(...rowsOf(freeCells), ...dst.codeRows.keys());
  const left = COL.name;
  const width = COL.note - COL.name + 1;
  const cells: CellInput[][] = [];
  for (let r = top; r <= bottom; r++)
    cells.push(Array.from({ length: width }, (_, j) => asInput(target.values[r - 1]?.[left - 1 + j])));
  const put = (ref: string, v: CellInput) => {
    const { row, col } = parseA1(ref);
    cells[row - top]![col - left] = v;
  };
  const srcCell = (ref: string | null | undefined): RawCell | undefined => {
    if (!ref) return undefined;
    const { row, col } = parseA1(ref);
    return src.snap.values[row - 1]?.[col - 1];
  };

  put(dst.status.cell!, src.report.status.text || null);
  const sent = src.report.sentOn;
  put(dst.sentOn.cell!, sent.date ? { date: sent.date } : sent.text || null);
  put(dst.header.preparer!.cell, asInput(srcCell(src.report.header.preparer?.cell)));
  put(dst.header.phone!.cell, asInput(srcCell(src.report.header.phone?.cell)));
  for (const k of Object.keys(dst.freeTextCells) as FreeTextField[])
    put(dst.freeTextCells[k]!, asInput(srcCell(src.report.freeTextCells[k])));

  const inputs = new Set(
    formRows(catalog, settings, agency)
      .filter((r) => r.mode.kind === 'input')
      .map((r) => r.ind.code),
  );
  const dstRow = new Map([...dst.codeRows].map(([row, code]) => [code, row]));
  let rowsTaken = 0;
  for (const [row, code] of dst.codeRows) {
    if (!inputs.has(code)) continue;
    const from = src.report.rows.get(code);
    const note = from ? src.snap.values[from.row - 1]?.[COL.note - 1] : undefined;
    const formula = rateFormulaAt(catalog, code, (c) => dstRow.get(c));
    const value = valueFor(catalog, code, formula, src, from, target.formats[row - 1]?.[COL.value - 1] ?? '');
    if (value !== null && value !== '' && !(typeof value === 'object' && 'formula' in value)) rowsTaken++;
    put(`D${row}`, value);
    put(`E${row}`, asInput(note));
  }
  return { sheet: agency.sheet, range: a1Range(top, left, bottom - top + 1, width), cells, rowsTaken };
}

/**
 * What `split` puts into a fresh agency file: whatever the province tab already holds for that
 * agency (figures typed in the shared spreadsheet, notes, status, free text), written with the
 * same rules as collecting, so a re-split never drops what someone typed.
 */
export function carryOver(
  catalog: Catalog,
  settings: FormSettings,
  agency: Agency,
  from: SheetSnapshot,
  into: SheetSnapshot,
): TabWrite | { error: string } {
  return tabWrite(catalog, settings, agency, { snap: from, report: parseAgencyTab(catalog, from) }, into);
}

/** A file as split made it: no figure typed (the form's own formulas aside), no status, date or free text. */
function blankFile(v: Accepted): boolean {
  const typed = [...v.report.rows.values()].some(
    (r) => !isBlank(r.raw) && v.snap.cells?.get(r.cell)?.kind !== 'formula',
  );
  return !typed && untouched(v.report, 0);
}

/** A returned file nobody filled in: no figure, not marked sent, no sent date and no free text. */
export function untouched(report: AgencyReport, rowsTaken: number): boolean {
  const freeText = Object.values(report.freeText).some((t) => t.trim() !== '');
  return rowsTaken === 0 && report.status.value !== 'sent' && !report.sentOn.text && !report.sentOn.date && !freeText;
}

/** What the add-on's import returns to its dialog (through google.script.run). */
export type ImportAnswer = { ok: true; rows: CollectRow[]; written: number } | { ok: false; problem: string };
