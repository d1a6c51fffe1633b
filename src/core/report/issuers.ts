/**
 * Who issues a report, by kind of issuing body (shared/spec/DOMAIN.md, "Who issues a report";
 * Nghị định 30/2020, Phụ lục I, II.2–II.5): one rule per kind gives the parent line, the issuer's
 * own line(s), the symbol after "BC-", the place on the date line and the usual signer block.
 * The agency table in Thiết lập shows the parent body and the symbol's abbreviation with these
 * defaults, and what a person types there wins.
 */
import { Agency, Settings } from '../settings/model';
import { squish } from '../primitives/text';
import { Issuer } from './layout';

export type IssuerKind =
  | 'ubnd-tinh'
  | 'so'
  | 'vp-ubnd'
  | 'thanh-tra'
  | 'ban'
  | 'vp-doan'
  | 'ubnd-xa'
  | 'ubnd-huyen'
  | 'cong-an'
  | 'bhxh'
  | 'thue'
  | 'kho-bac'
  | 'khac';

/** What a rule knows of the body it heads: its name as written and the province around it. */
interface Who {
  /** The body's name, squished, as sentences write it ("Công an tỉnh Vĩnh Long", "UBND xã Long Hòa"). */
  readonly name: string;
  /** The province's name ("Vĩnh Long"), as the settings' place gives it. */
  readonly province: string;
  /** The province's committee as a parent line reads it: "UBND tỉnh Vĩnh Long". */
  readonly provinceBody: string;
}

/** One row of DOMAIN.md's table. */
interface Rule {
  readonly kind: IssuerKind;
  /** The body's name (committees listed in Thiết lập are also told by their agency type). */
  readonly named: RegExp;
  /**
   * The parent line: "@province" (UBND tỉnh …), "@council" (the office's Đoàn ĐBQH và HĐND tỉnh …),
   * "" for none (a committee heads itself), or a central body above a vertical agency ("Bộ Công an").
   */
  readonly parent: string;
  /** The issuer's line under its parent: "" for its own name; a committee's first line is "Ủy ban nhân dân". */
  readonly line: string;
  /** The abbreviation after "BC-"; "@initials" from the name; null: the issuer's own, unknown (a placeholder). */
  readonly symbol: string | null;
  /** The head whose deputy signs ("KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"); "" for a committee (TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH). */
  readonly head: string;
}

const UBND = /^(Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+/i;
const COMMITTEE = 'Ủy ban nhân dân';
/** "tỉnh" or "thành phố" at the end of a name that leaves the province out ("Công an tỉnh"). */
const LEVEL_ONLY = /\s(tỉnh|thành phố)$/i;
/** A province's name after its level, at the end of a name ("Sở Tư pháp tỉnh Vĩnh Long"). */
const PROVINCE_SUFFIX = /\s+(tỉnh|thành phố)(\s+\S+)*$/i;

/** First match wins; committees listed in Thiết lập are matched by their agency type first. */
export const ISSUER_RULES: readonly Rule[] = [
  {
    kind: 'ubnd-xa',
    named: /^((Ủy|Uỷ) ban nhân dân|UBND) (xã|phường|thị trấn|đặc khu) /i,
    parent: '',
    line: COMMITTEE,
    symbol: 'UBND',
    head: '',
  },
  {
    kind: 'ubnd-huyen',
    named: /^((Ủy|Uỷ) ban nhân dân|UBND) (huyện|quận|thị xã) /i,
    parent: '',
    line: COMMITTEE,
    symbol: 'UBND',
    head: '',
  },
  {
    kind: 'ubnd-tinh',
    named: /^((Ủy|Uỷ) ban nhân dân|UBND) (tỉnh|thành phố) /i,
    parent: '',
    line: COMMITTEE,
    symbol: 'UBND',
    head: 'CHỦ TỊCH',
  },
  {
    kind: 'vp-ubnd',
    named: /^Văn phòng ((Ủy|Uỷ) ban nhân dân|UBND)/i,
    parent: '@province',
    line: 'Văn phòng',
    symbol: 'VP',
    head: 'CHÁNH VĂN PHÒNG',
  },
  // The office serves the delegation and the council, so they head it, not UBND (ND 30, II.3).
  // Before the 2021 term a province's council had its own office: "HĐND TỈNH TRÀ VINH / VĂN PHÒNG".
  {
    kind: 'vp-doan',
    named: /^Văn phòng (Đoàn|HĐND|Hội đồng nhân dân)/i,
    parent: '@council',
    line: 'Văn phòng',
    symbol: 'VP',
    head: 'CHÁNH VĂN PHÒNG',
  },
  { kind: 'thanh-tra', named: /^Thanh tra /i, parent: '@province', line: '', symbol: 'TTr', head: 'CHÁNH THANH TRA' },
  { kind: 'ban', named: /^Ban Quản lý /i, parent: '@province', line: '', symbol: 'BQL', head: 'TRƯỞNG BAN' },
  { kind: 'ban', named: /^Ban /i, parent: '@province', line: '', symbol: '@initials', head: 'TRƯỞNG BAN' },
  // Vertical agencies answer to their central body, not to the province (ND 30: the direct parent);
  // a symbol of their own (Công an: "CAT-…" with a unit) is theirs to give.
  { kind: 'cong-an', named: /^Công an /i, parent: 'Bộ Công an', line: '', symbol: null, head: 'GIÁM ĐỐC' },
  {
    kind: 'bhxh',
    named: /^Bảo hiểm xã hội /i,
    parent: 'Bảo hiểm xã hội Việt Nam',
    line: '',
    symbol: 'BHXH',
    head: 'GIÁM ĐỐC',
  },
  // Tax: until 28/02/2025 a province had a "Cục Thuế tỉnh …" under Tổng cục Thuế. Quyết định
  // 381/QĐ-BTC made Tổng cục Thuế the Cục Thuế (Bộ Tài chính) from 01/03/2025, with regional
  // "Chi cục Thuế khu vực"; Quyết định 2229/QĐ-BTC replaced those from 01/07/2025 by 34 "Thuế
  // tỉnh, thành phố" under Cục Thuế, each headed by a Trưởng Thuế tỉnh. So today's "Thuế tỉnh"
  // writes CỤC THUẾ above itself, and an older "Cục Thuế tỉnh" TỔNG CỤC THUẾ.
  { kind: 'thue', named: /^Cục Thuế /i, parent: 'Tổng cục Thuế', line: '', symbol: null, head: 'CỤC TRƯỞNG' },
  { kind: 'thue', named: /^Chi cục Thuế /i, parent: 'Cục Thuế', line: '', symbol: null, head: 'CHI CỤC TRƯỞNG' },
  { kind: 'thue', named: /^Thuế /i, parent: 'Cục Thuế', line: '', symbol: null, head: 'TRƯỞNG THUẾ TỈNH' },
  // Another central department's office (Cục Hải quan, Cục Thống kê): its parent is for Thiết lập to name.
  { kind: 'khac', named: /^Cục /i, parent: '', line: '', symbol: null, head: 'CỤC TRƯỞNG' },
  // Kho bạc Nhà nước khu vực (from 01/03/2025, one region over several provinces): its place is
  // where it sits, the province's here; its symbol is its own.
  { kind: 'kho-bac', named: /^Kho bạc /i, parent: 'Kho bạc Nhà nước', line: '', symbol: null, head: 'GIÁM ĐỐC' },
  { kind: 'so', named: /^Sở /i, parent: '@province', line: '', symbol: '@initials', head: 'GIÁM ĐỐC' },
];

/** Any other body (a university, a centre): under the province, its symbol and signer left to fill. */
const OTHER: Rule = { kind: 'khac', named: /$^/, parent: '@province', line: '', symbol: null, head: '' };

/** Initials of a name without its province: "Sở Văn hóa, Thể thao và Du lịch" -> "SVHTTDL" (seed 003: STTTT). */
function initials(name: string): string {
  return name
    .replace(PROVINCE_SUFFIX, '')
    .replace(/[,;.()–-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && w.toLocaleLowerCase('vi') !== 'và')
    .map((w) => (/^ngoại$/i.test(w) ? 'Ng' : w.charAt(0).toLocaleUpperCase('vi'))) // Sở Ngoại vụ: SNgV, not Sở Nội vụ's SNV
    .join('');
}

/** "Công an tỉnh" -> "Công an tỉnh Vĩnh Long": a body named only for its level takes the province's name. */
function withProvince(name: string, province: string): string {
  return LEVEL_ONLY.test(name) && province ? `${name} ${province}` : name;
}

const isVertical = (r: Rule) => !!r.parent && !r.parent.startsWith('@');
const isCommittee = (r: Rule) => r.line === COMMITTEE;

function parentLine(rule: Rule, w: Who): string {
  if (rule.parent === '@province') return w.provinceBody;
  if (rule.parent !== '@council') return rule.parent;
  // "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh" -> "Đoàn ĐBQH và HĐND tỉnh Vĩnh Long".
  return withProvince(w.name.replace(/^Văn phòng\s+/i, ''), w.province)
    .replace(/đại biểu Quốc hội/gi, 'ĐBQH')
    .replace(/Hội đồng nhân dân/gi, 'HĐND');
}

/**
 * Where the issuer sits: the province, or a committee's own unit without its level ("Long Hòa",
 * "Càng Long"); a unit named by a number keeps its word ("Phường 1", "Quận 3").
 */
function placeOf(rule: Rule, w: Who): string {
  if (!isCommittee(rule) || (rule.kind === 'ubnd-tinh' && w.province)) return w.province;
  const unit = w.name.replace(UBND, '');
  if (/^(phường|quận)\s+\d/i.test(unit)) return unit;
  return unit.replace(/^(xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố)\s+/i, '') || w.province;
}

function ruleFor(name: string, type?: Agency['type']): Rule {
  if (type === 'xa' || type === 'huyen') return ISSUER_RULES[type === 'xa' ? 0 : 1]!;
  const hit = ISSUER_RULES.find((r) => r.named.test(name));
  // A vertical agency the rules do not know names its own parent in Thiết lập.
  return hit ?? (type === 'nganh_doc' ? { ...OTHER, parent: '' } : OTHER);
}

export function issuerKind(name: string, type?: Agency['type']): IssuerKind {
  return ruleFor(squish(name), type).kind;
}

/**
 * The name of a body as written, kept capitalised in a sentence ("của Thuế tỉnh Vĩnh Long"):
 * every kind the rules name, and bodies of the other kinds people list.
 */
export function isBodyName(text: string): boolean {
  const t = squish(text);
  return (
    ISSUER_RULES.some((r) => r.named.test(t)) ||
    /^(Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Đoàn|Văn phòng|Cục|Chi cục|Bộ|Tổng cục|Ngân hàng|Đại học|Trường|Trung tâm|Bệnh viện|Viện|Tòa án|Toà án|Quỹ|Liên đoàn|Hội)\s/.test(
      t,
    )
  );
}

/** "Ủy ban nhân dân tỉnh Trà Vinh" -> "UBND tỉnh Trà Vinh", as a parent line reads. */
export function shortBody(name: string): string {
  return squish(name).replace(UBND, 'UBND ');
}

/** The body above every provincial agency: the consolidator's own parent, or the consolidator itself. */
export function provinceBody(settings: Pick<Settings, 'parentBody' | 'issuingBody'>): string {
  return squish(settings.parentBody) || squish(settings.issuingBody);
}

function whoOf(name: string, settings: Pick<Settings, 'parentBody' | 'issuingBody' | 'place'>): Who {
  return { name: squish(name), province: squish(settings.place), provinceBody: shortBody(provinceBody(settings)) };
}

/** "BC-STP", "/BC-STP" or "STP" as typed -> "STP"; blank -> null. */
export function symbolOf(typed: string): string | null {
  const s = squish(typed)
    .replace(/^(\d*\s*\/\s*)?BC\s*-\s*/i, '')
    .replace(/^[-/\s]+/, '');
  return s || null;
}

/** "15/BC-SNV", "/BC-UBND" as typed; null when it carries no symbol ("", "/BC-"): a placeholder then. */
function docNumberOf(typed: string): string | null {
  const n = squish(typed);
  return /BC\s*-\s*\S/i.test(n) ? n : null;
}

/**
 * The agency's name in sentences: a committee as "UBND xã …"; a vertical agency named only for its
 * level takes the province's name ("Công an tỉnh Vĩnh Long"), as its seal does.
 */
export function issuerName(agency: Agency, settings: Pick<Settings, 'place'>): string {
  const name = squish(agency.name);
  const rule = ruleFor(name, agency.type);
  if (isCommittee(rule) && rule.kind !== 'ubnd-tinh') return UBND.test(name) ? name : `UBND ${name}`;
  return isVertical(rule) || agency.type === 'nganh_doc' ? withProvince(name, squish(settings.place)) : name;
}

type Defaults = Pick<Settings, 'parentBody' | 'issuingBody' | 'place'>;

function symbolFor(rule: Rule, w: Who): string | null {
  return rule.symbol === '@initials' ? initials(w.name) : rule.symbol;
}

/** What Thiết lập's agency table shows before anyone edits it: the rule's parent body and abbreviation. */
export function agencyDefaults(agency: Agency, settings: Defaults): { parentBody: string; symbol: string } {
  const w = whoOf(issuerName(agency, settings), settings);
  const rule = ruleFor(w.name, agency.type);
  return { parentBody: parentLine(rule, w), symbol: symbolFor(rule, w) ?? '' };
}

/** The issuer's line(s): a committee's two ("Ủy ban nhân dân" / "xã An Long"), a fixed "Văn phòng", or its name. */
function linesOf(rule: Rule, w: Who): string[] {
  if (isCommittee(rule)) return [COMMITTEE, w.name.replace(UBND, '')];
  return [rule.line || w.name];
}

/** The header and signer block of an agency's report, by its kind; Thiết lập's own columns win. */
export function agencyHead(
  agency: Agency,
  settings: Defaults,
): Pick<Issuer, 'parentBody' | 'issuingBody' | 'headerLines' | 'docNumber' | 'place' | 'authority' | 'signerTitle'> {
  const name = issuerName(agency, settings);
  const w = whoOf(name, settings);
  const rule = ruleFor(w.name, agency.type);
  const symbol = symbolOf(agency.symbol ?? '') ?? symbolFor(rule, w);
  return {
    parentBody: squish(agency.parentBody ?? '') || parentLine(rule, w),
    issuingBody: name,
    headerLines: linesOf(rule, w),
    docNumber: symbol ? `/BC-${symbol}` : null,
    place: placeOf(rule, w),
    authority: rule.head ? `KT. ${rule.head}` : isCommittee(rule) ? 'TM. ỦY BAN NHÂN DÂN' : '',
    signerTitle: rule.head ? `PHÓ ${rule.head}` : isCommittee(rule) ? 'CHỦ TỊCH' : '',
  };
}

/**
 * The consolidator's own header (the province's report): the settings' fields, with the issuer's
 * lines by its kind (UBND writes "ỦY BAN NHÂN DÂN" over "TỈNH VĨNH LONG") and, with no number
 * typed, the kind's symbol.
 */
export function consolidatorHead(
  st: Pick<Settings, 'parentBody' | 'issuingBody' | 'place' | 'docNumber'>,
): Pick<Issuer, 'parentBody' | 'issuingBody' | 'headerLines' | 'docNumber'> {
  const w = whoOf(st.issuingBody, st);
  const rule = ruleFor(w.name);
  const symbol = symbolFor(rule, w);
  return {
    parentBody: squish(st.parentBody),
    issuingBody: squish(st.issuingBody),
    headerLines: linesOf(rule, w),
    docNumber: docNumberOf(st.docNumber) ?? (squish(st.docNumber) || !symbol ? null : `/BC-${symbol}`),
  };
}
