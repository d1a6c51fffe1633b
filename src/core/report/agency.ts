/**
 * An agency's own report, as seed 003 is (a department's report to Sở Nội vụ): the agency as
 * issuing body under the province, its own figures woven into the sentences, its free text in the
 * sections it answers, its statistics appendix, and the signer block of a department (KT. GIÁM ĐỐC /
 * PHÓ GIÁM ĐỐC) or a commune (TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH).
 */
import { Catalog, Indicator } from '../catalog/catalog';
import { IsoDate } from '../primitives/dates';
import { formRows, lockedReason } from '../form/row-modes';
import { AgencyReport } from '../form/parse';
import { OnlineWords, inText, nextPeriodInText, onlineWords } from '../periods';
import { Agency, Settings } from '../settings';
import { FreeTextField } from '../form/template';
import { fold, squish, upper } from '../primitives/text';
import { agencyHead, issuerName, provinceBody, shortBody } from './issuers';
import { agencyAppendix } from './appendix';
import {
  Figures,
  Template,
  agencyFigures,
  body,
  codedSentence,
  heading,
  rate,
  say,
  todo,
  valueOfFigure,
} from './figures';
import {
  DIRECTIVES,
  ONLINE,
  PLAN,
  AUTONOMY,
  DOCUMENTS,
  HO_SO,
  LEGAL,
  ONE_STOP,
  PAYROLL,
  PORTAL,
  POSTAL,
  PUBLISHED,
  RECRUITED,
  REVIEWED,
  STAFF,
} from './outline';
import { Issuer, document, closing, lowerFirst, opening } from './layout';
import { Block, ReportModel } from './model';

export interface AgencyReportContext {
  readonly catalog: Catalog;
  readonly settings: Settings;
  readonly agency: Agency;
  readonly report: AgencyReport;
  /** Ghi chú of each row as typed on the agency's tab. */
  readonly notes: ReadonlyMap<string, string>;
  readonly today: IsoDate;
  readonly stamp: string;
}

function isCommittee(agency: Agency): boolean {
  return agency.type === 'xa' || agency.type === 'huyen';
}

/** Where the agency's report goes: the consolidating department, by default Sở Nội vụ. */
function consolidatorOf(settings: Settings): string {
  return /^Sở\s/.test(squish(settings.issuingBody)) ? squish(settings.issuingBody) : 'Sở Nội vụ';
}

/**
 * Whom the report is sent to: the consolidating department, or, for that department's own report
 * (Sở Nội vụ reports its own CCHC work too), the body above it (UBND tỉnh).
 */
function addresseeOf(agency: Agency, settings: Settings): string {
  const to = consolidatorOf(settings);
  return fold(to) === fold(agency.name) ? shortBody(provinceBody(settings)) : to;
}

export function agencyIssuer(ctx: AgencyReportContext): Issuer {
  const { agency, settings } = ctx;
  return {
    // Parent line, issuer lines, symbol, place and signer block by the kind of body (issuers.ts).
    ...agencyHead(agency, settings),
    // The day is the signer's to fill, as the seeds leave it, unless Thiết lập gives the report date.
    date: settings.reportDate ?? ctx.today,
    dayBlank: !settings.reportDate,
    signerName: '',
    recipients: [`${addresseeOf(agency, settings)} (b/c);`, 'Lưu: VT.'],
  };
}

/**
 * The rows of the agency's appendix: what it is asked and what others supply for it, with their
 * groups; a group with no printed row under it (a vertical agency's sections 1, 4, 5) is left out.
 */
function appendixRows(ctx: AgencyReportContext): Indicator[] {
  const rows = formRows(ctx.catalog, ctx.settings, ctx.agency).filter((r) => r.mode.kind !== 'not-applicable');
  const printed = rows.filter((r) => r.mode.kind !== 'group' && !r.ind.supporting);
  return rows
    .filter((r) => r.mode.kind !== 'group' || printed.some((x) => x.ind.code.startsWith(`${r.ind.code}.`)))
    .map((r) => r.ind);
}

function notesWithLocks(ctx: AgencyReportContext): Map<string, string> {
  const notes = new Map(ctx.notes);
  for (const r of formRows(ctx.catalog, ctx.settings, ctx.agency))
    if (r.mode.kind === 'owned-by' && !notes.get(r.ind.code)) notes.set(r.ind.code, lockedReason(r.mode));
  return notes;
}

const NOTHING = /^(không|không có|0|-|\.)$/i;

/** The agency's own words for a section, one paragraph per line; a writing prompt when it left it blank. */
function freeText(blocks: Block[], report: AgencyReport, field: FreeTextField, prompt: string): void {
  const text = report.freeText[field] ?? '';
  const lines = text.split(/\r?\n/).map(squish).filter(Boolean);
  if (!lines.length) blocks.push(body([todo(prompt)]));
  else if (lines.length === 1 && NOTHING.test(lines[0] ?? '')) blocks.push(body([{ text: 'Không có.' }]));
  else for (const l of lines) blocks.push(body([{ text: l }]));
}

export function buildAgencyReport(ctx: AgencyReportContext): ReportModel {
  const { settings, agency, report } = ctx;
  const f = fitted(agencyFigures(ctx.catalog, settings, agency, report), agency);
  const issuer = agencyIssuer(ctx);
  const periodText = inText(settings.period);
  const name = issuerName(agency, settings);
  const blocks: Block[] = [];
  opening(blocks, issuer, `Kết quả thực hiện công tác cải cách hành chính ${periodText}`);
  // The basis an agency cites is the province's own plan (seed 003: "Thực hiện Kế hoạch số 75/KH-UBND
  // ngày 30/12/2020 của UBND tỉnh về …"); with none on Thiết lập, a placeholder the agency fills.
  const plan = squish(settings.provincePlan).replace(/[.;,]\s*$/, '');
  blocks.push(
    body([
      { text: 'Thực hiện ' },
      plan
        ? { text: plan }
        : todo(
            `Kế hoạch cải cách hành chính năm ${settings.period.year} của ${shortBody(provinceBody(settings))}: số, ngày ban hành`,
          ),
      {
        text: `, ${lowerFirst(name)} báo cáo kết quả thực hiện công tác cải cách hành chính ${periodText} như sau:`,
      },
    ]),
  );
  direction(blocks, f);
  results(blocks, f, onlineWords(settings.period.to));

  blocks.push(heading('III. ĐÁNH GIÁ CHUNG'));
  blocks.push(heading('1. Ưu điểm'));
  freeText(blocks, report, 'highlights', 'Kết quả nổi bật, ưu điểm trong kỳ');
  blocks.push(heading('2. Tồn tại, hạn chế và nguyên nhân'));
  freeText(blocks, report, 'difficulties', 'Khó khăn, vướng mắc và nguyên nhân (nếu có)');
  if (valueOfFigure(f, '3.4.c.2')) say(blocks, f, ['Còn {3.4.c.2} hồ sơ đang giải quyết đã quá hạn.']);

  blocks.push(
    heading(`IV. PHƯƠNG HƯỚNG, NHIỆM VỤ ${upper(nextPeriodInText(settings.period.id, settings.period.year))}`),
  );
  blocks.push(body([todo('Các nhiệm vụ trọng tâm kỳ tới')]));
  blocks.push(heading('V. KIẾN NGHỊ, ĐỀ XUẤT'));
  freeText(blocks, report, 'proposals', 'Kiến nghị, đề xuất (nếu có)');

  blocks.push(
    body([
      {
        text: `Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính ${periodText} của ${lowerFirst(name)}, gửi ${addresseeOf(agency, settings)}${addresseeOf(agency, settings) === consolidatorOf(settings) ? ' tổng hợp' : ''} (đính kèm phụ lục)./.`,
      },
    ]),
  );
  closing(blocks, issuer);
  agencyAppendix(blocks, issuer, appendixRows(ctx), f, notesWithLocks(ctx));
  return document(
    `Dự thảo Báo cáo CCHC ${periodText.replace(/^./, (c) => c.toUpperCase())} - ${agency.name} - ${ctx.stamp}`,
    blocks,
  );
}

/**
 * A row every agency's form carries that does not fit a department: it has no commune officials to
 * transfer. Such a slot leaves the sentence when it is blank or 0 (a figure the agency typed is
 * kept: nothing dropped in silence). Rows about leaders of a sở are not on a commune's form at all.
 */
const ONLY_FOR_COMMUNE = ['5.2.3'];

function fitted(f: Figures, agency: Agency): Figures {
  if (isCommittee(agency)) return f;
  const out = new Map(f);
  for (const code of ONLY_FOR_COMMUNE) if (!out.get(code)?.value) out.delete(code);
  return out;
}

/** An agency's report writes every sentence it is asked for, a missing figure as a placeholder. */
function sayAll(blocks: Block[], f: Figures, templates: readonly Template[]): number {
  return say(blocks, f, templates, { keep: true });
}

function direction(blocks: Block[], f: Figures): void {
  blocks.push(heading('I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH'));
  sayAll(blocks, f, [
    // The plan's sentence only where the plan is asked (a vertical agency reports hồ sơ alone).
    ...(f.has('1.1.1') || f.has('1.1.2')
      ? [[PLAN('đơn vị'), { rate: rate(valueOfFigure(f, '1.1.2'), valueOfFigure(f, '1.1.1')) }] as const]
      : []),
    DIRECTIVES('Trong kỳ, đơn vị'),
  ]);
  const dialogue = codedSentence(f, ['1.2'], 'Trong kỳ, đơn vị ');
  if (dialogue) blocks.push(body(dialogue));
  blocks.push(
    body([
      todo('Bổ sung: việc triển khai văn bản chỉ đạo, công tác tuyên truyền, kiểm tra cải cách hành chính tại đơn vị'),
    ]),
  );
}

function results(blocks: Block[], f: Figures, o: OnlineWords): void {
  blocks.push(heading('II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH'));
  const section = (title: string, templates: readonly Template[], coded: readonly string[] = [], lead = '') => {
    blocks.push(heading(title));
    const answers = codedSentence(f, coded, lead);
    if (answers) blocks.push(body(answers));
    // Only a section with nothing asked of this agency (a vertical agency's) gets a writing prompt.
    if (!sayAll(blocks, f, templates) && !answers)
      blocks.push(body([todo(`Kết quả ${lowerFirst(title.replace(/^\d+\.\s*/, ''))}`)]));
  };
  section('1. Cải cách thể chế', [LEGAL('đơn vị '), REVIEWED]);
  section('2. Cải cách thủ tục hành chính', [
    PUBLISHED,
    PORTAL(o),
    ONE_STOP,
    HO_SO('Về giải quyết thủ tục hành chính, đơn vị'),
    POSTAL,
    'Tỷ lệ hồ sơ giải quyết đúng hạn[ đạt {3.4.1}][ đạt {3.4.3}][; lĩnh vực đất đai đạt {3.4.4}][; lĩnh vực xây dựng đạt {3.4.5}].',
    `Đơn vị đã tích hợp {3.5.1} thủ tục hành chính lên Cổng Dịch vụ công, cung cấp {3.5.2} thủ tục ${o.both}; {3.5.3} thủ tục đã tích hợp thanh toán trực tuyến.`,
  ]);
  section('3. Cải cách tổ chức bộ máy hành chính nhà nước', [STAFF('cơ quan'), PAYROLL(' trực thuộc')]);
  section('4. Cải cách chế độ công vụ', [
    'Số cơ quan, tổ chức hành chính đã được phê duyệt vị trí việc làm: {5.1.1}; số đơn vị sự nghiệp đã được phê duyệt vị trí việc làm: {5.1.2}; có {~5.1.3} cơ quan, tổ chức có vi phạm trong thực hiện vị trí việc làm phát hiện qua thanh tra.',
    RECRUITED('[⟨ {5.2.3} cán bộ, công chức cấp xã được xét chuyển thành công chức cấp trên;⟩]'),
  ]);
  const exam = codedSentence(f, ['5.3.1'], 'Đơn vị ');
  if (exam) blocks.push(body(exam));
  sayAll(blocks, f, [
    // Only what happened: a commune's report has no "lãnh đạo cấp sở" (fitted() drops the slot).
    '⟨Bổ nhiệm mới ::[{5.3.2} lãnh đạo cấp sở, ngành|]{5.3.3} lãnh đạo cấp phòng||Trong kỳ không có lãnh đạo được bổ nhiệm mới⟩.',
    'Về kỷ luật, ⟨có ::[{5.4.2} lãnh đạo cấp sở, ngành|][{5.4.3} lãnh đạo cấp phòng|]{5.4.4} người làm việc tại đơn vị sự nghiệp công lập||không có cán bộ, công chức, viên chức⟩ bị kỷ luật.',
  ]);
  section('5. Cải cách tài chính công', [AUTONOMY]);
  section(
    '6. Xây dựng và phát triển Chính phủ điện tử, Chính phủ số',
    [DOCUMENTS(''), `T${ONLINE(o)}`],
    ['7.1', '7.2', '7.3', '7.5'],
  );
}
