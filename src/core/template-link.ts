/**
 * The province's template spreadsheet, shared as a "…/copy" link (docs/trien-khai.md, "Bảng tính
 * mẫu"): the one place the maintainer writes it. README shows the same link (tests/docs.test.ts
 * checks) and the help sidebar offers it for a new period. Empty until a template is published.
 */
export const TEMPLATE_COPY_LINK = '';

/** What a template link looks like: a Google Sheets file's "/copy" address. */
export const COPY_LINK_SHAPE = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/[A-Za-z0-9_-]+\/copy$/;
