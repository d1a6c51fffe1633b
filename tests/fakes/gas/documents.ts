/** DocumentApp: the documents a draft report writes. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { Calls } from './calls';
import { MANIFEST_SCOPES } from './services';

export interface DocNode {
  kind: 'para' | 'table' | 'pagebreak';
  text: string;
  attrs: Record<string, unknown>;
  styled: { what: string; start: number; end: number; value: unknown }[];
  cells?: string[][];
  columnWidths?: number[];
  /** A table's cells as paragraphs (and nested tables), made from `cells` on first use. */
  paras?: DocNode[][][];
}

export const paraNode = (text: string): DocNode => ({ kind: 'para', text, attrs: {}, styled: [] });
export const tableNode = (cells: string[][]): DocNode => ({
  kind: 'table',
  text: cells.map((r) => r.join('\t')).join('\n'),
  attrs: {},
  styled: [],
  cells: cells.map((r) => [...r]),
  columnWidths: [],
});

/** Where paragraphs live: the body, or one cell of a table. */
export interface DocContainer {
  readonly kind: 'body' | 'cell';
  readonly children: DocNode[];
  changed(): void;
}

export function cellParas(t: DocNode): DocNode[][][] {
  t.paras ??= t.cells!.map((r) => r.map((c) => c.split('\n').map(paraNode)));
  return t.paras;
}

export function cellContainer(t: DocNode, r: number, c: number): DocContainer {
  return {
    kind: 'cell',
    children: cellParas(t)[r][c],
    changed() {
      t.cells = t.paras!.map((row) => row.map((cell) => cell.map((n) => n.text).join('\n')));
      t.text = t.cells.map((row) => row.join('\t')).join('\n');
    },
  };
}

/**
 * Docs keeps a paragraph at the end of every body and table cell: "You can't delete the last
 * newline character of a Body, Header, Footer, Footnote, TableCell" (developers.google.com/docs/
 * api/concepts/rules-behavior); DocumentApp's removeFromParent on that paragraph throws.
 */
export function removeParagraph(container: DocContainer, node: DocNode): void {
  const i = container.children.indexOf(node);
  if (i < 0) throw new Error('removeFromParent: element already removed');
  if (i === container.children.length - 1) throw new Error("Can't remove the last paragraph in a document section.");
  container.children.splice(i, 1);
  container.changed();
}

export class FakeDocument {
  body: DocNode[] = [{ kind: 'para', text: '', attrs: {}, styled: [] }];
  page: Record<string, number> = {};
  saved = false;
  constructor(
    readonly name: string,
    readonly id: string,
  ) {}
}

/** DocumentApp with Body, Paragraph, Table, Text: enough for the report writer. */
export function fakeDocumentApp(calls: Calls, docs: FakeDocument[], granted: Set<string> = new Set(MANIFEST_SCOPES)) {
  const hit = (m: string) => calls.hit(m);
  /** Without the Docs scope every DocumentApp call fails, as in Apps Script. */
  const needDocs = (m: string) => {
    if (!granted.has('https://www.googleapis.com/auth/documents'))
      throw new Error(
        `You do not have permission to call ${m}. Required permissions: https://www.googleapis.com/auth/documents`,
      );
  };
  const textOf = (node: DocNode) => ({
    setBold: (s: number, e: number, v: boolean) => (
      hit('Text.setBold'),
      node.styled.push({ what: 'bold', start: s, end: e, value: v })
    ),
    setItalic: (s: number, e: number, v: boolean) => (
      hit('Text.setItalic'),
      node.styled.push({ what: 'italic', start: s, end: e, value: v })
    ),
    setFontSize: (s: number, e: number, v: number) => (
      hit('Text.setFontSize'),
      node.styled.push({ what: 'size', start: s, end: e, value: v })
    ),
    setBackgroundColor: (s: number, e: number, v: string) => {
      hit('Text.setBackgroundColor');
      if (s < 0 || e >= node.text.length || s > e)
        throw new Error(`setBackgroundColor: offsets ${s}-${e} outside "${node.text}"`);
      node.styled.push({ what: 'highlight', start: s, end: e, value: v });
    },
  });
  const paragraph = (doc: FakeDocument, node: DocNode) => ({
    setAttributes: (a: Record<string, unknown>) => (hit('Paragraph.setAttributes'), Object.assign(node.attrs, a)),
    editAsText: () => (hit('Paragraph.editAsText'), textOf(node)),
    removeFromParent: () => {
      hit('Paragraph.removeFromParent');
      removeParagraph(bodyContainer(doc), node);
    },
  });
  const bodyContainer = (doc: FakeDocument): DocContainer => ({ kind: 'body', children: doc.body, changed() {} });
  /** A body or a table cell, as the parent of a paragraph. */
  const containerOf = (c: DocContainer): any => {
    const self: any = {
      getType: () => (hit('Element.getType'), c.kind === 'body' ? 'BODY_SECTION' : 'TABLE_CELL'),
      asBody: () => self,
      asTableCell: () => self,
      getNumChildren: () => (hit('Container.getNumChildren'), c.children.length),
      getChildIndex: (el: { __node: DocNode }) => {
        hit('Container.getChildIndex');
        const i = c.children.indexOf(el.__node);
        if (i < 0) throw new Error('getChildIndex: not a child of this element');
        return i;
      },
      insertTable: (index: number, cells: string[][]) => {
        hit('Container.insertTable');
        if (index < 0 || index > c.children.length) throw new Error('insertTable: index out of range');
        c.children.splice(index, 0, tableNode(cells));
        c.changed();
      },
    };
    return self;
  };
  /** A paragraph reached by findText: it knows its parent. */
  const paraIn = (c: DocContainer, node: DocNode): any => {
    const self: any = {
      __node: node,
      getType: () => (hit('Element.getType'), 'PARAGRAPH'),
      asParagraph: () => self,
      getParent: () => containerOf(c),
      removeFromParent: () => (hit('Paragraph.removeFromParent'), removeParagraph(c, node)),
      replaceText: (pattern: string, replacement: string) => {
        hit('Paragraph.replaceText');
        node.text = node.text.replace(new RegExp(pattern, 'g'), replacement);
        c.changed();
        return self;
      },
    };
    return self;
  };
  /** A body child as DocumentApp hands it out: typed, copyable, removable. */
  const elementOf = (doc: FakeDocument, node: DocNode): any => ({
    __node: node,
    getType: () => (
      hit('Element.getType'),
      node.kind === 'para' ? 'PARAGRAPH' : node.kind === 'table' ? 'TABLE' : 'PAGE_BREAK'
    ),
    copy: () => (hit('Element.copy'), elementOf(doc, JSON.parse(JSON.stringify(node)) as DocNode)),
    asParagraph: () => ({ ...paragraph(doc, node), __node: node }),
    asTable: () => ({ __node: node }),
    asPageBreak: () => ({ __node: node }),
    asListItem: () => ({ __node: node }),
    removeFromParent: () => {
      hit('Paragraph.removeFromParent');
      if (node.kind === 'para') removeParagraph(bodyContainer(doc), node);
      else doc.body.splice(doc.body.indexOf(node), 1);
    },
  });
  /** Every paragraph of the body in document order, table cells included, with its container. */
  const paragraphs = (doc: FakeDocument): { c: DocContainer; node: DocNode }[] => {
    const out: { c: DocContainer; node: DocNode }[] = [];
    const walk = (c: DocContainer) => {
      for (const node of [...c.children]) {
        if (node.kind === 'para') out.push({ c, node });
        else if (node.kind === 'table')
          cellParas(node).forEach((row, r) => row.forEach((_, k) => walk(cellContainer(node, r, k))));
      }
    };
    walk(bodyContainer(doc));
    return out;
  };
  const bodyOf = (doc: FakeDocument) => {
    const body: any = {
      setPageWidth: (v: number) => (hit('Body.setPageWidth'), (doc.page.width = v), body),
      setPageHeight: (v: number) => (hit('Body.setPageHeight'), (doc.page.height = v), body),
      setMarginTop: (v: number) => (hit('Body.setMarginTop'), (doc.page.top = v), body),
      setMarginBottom: (v: number) => (hit('Body.setMarginBottom'), (doc.page.bottom = v), body),
      setMarginLeft: (v: number) => (hit('Body.setMarginLeft'), (doc.page.left = v), body),
      setMarginRight: (v: number) => (hit('Body.setMarginRight'), (doc.page.right = v), body),
      appendParagraph: (text: string) => {
        hit('Body.appendParagraph');
        if (typeof text !== 'string') throw new Error('appendParagraph: text expected');
        const node: DocNode = { kind: 'para', text, attrs: {}, styled: [] };
        doc.body.push(node);
        return paragraph(doc, node);
      },
      appendPageBreak: () => {
        hit('Body.appendPageBreak');
        doc.body.push({ kind: 'pagebreak', text: '', attrs: {}, styled: [] });
      },
      appendTable: (cells: string[][]) => {
        hit('Body.appendTable');
        const width = cells[0]?.length ?? 0;
        if (!cells.length || cells.some((r) => r.length !== width || r.some((c) => typeof c !== 'string')))
          throw new Error('appendTable: rows must be arrays of strings of equal length');
        const node: DocNode = {
          kind: 'table',
          text: cells.map((r) => r.join('\t')).join('\n'),
          attrs: {},
          styled: [],
          cells: cells.map((r) => [...r]),
          columnWidths: [],
        };
        doc.body.push(node);
        const rowOf = () => ({
          editAsText: () => (hit('TableRow.editAsText'), textOf(node)),
          setAttributes: (a: Record<string, unknown>) => (
            hit('TableRow.setAttributes'),
            node.styled.push({ what: 'row', start: 0, end: 0, value: a })
          ),
        });
        return {
          setAttributes: (a: Record<string, unknown>) => (hit('Table.setAttributes'), Object.assign(node.attrs, a)),
          setColumnWidth: (i: number, w: number) => {
            hit('Table.setColumnWidth');
            if (i < 0 || i >= width) throw new Error('setColumnWidth: column out of range');
            node.columnWidths![i] = w;
          },
          getRow: (i: number) => {
            hit('Table.getRow');
            if (i < 0 || i >= cells.length) throw new Error('getRow: row out of range');
            return rowOf();
          },
          getCell: (r: number, c: number) => {
            hit('Table.getCell');
            const cellNode = (text: string): DocNode => ({ kind: 'para', text, attrs: {}, styled: [] });
            const first = cellNode(cells[r][c]);
            return {
              getChild: () => (
                hit('TableCell.getChild'),
                { asParagraph: () => paragraph({ body: [first] } as FakeDocument, first) }
              ),
              appendParagraph: (text: string) => (
                hit('TableCell.appendParagraph'),
                (node.cells![r][c] += `\n${text}`),
                paragraph({ body: [] } as unknown as FakeDocument, cellNode(text))
              ),
            };
          },
        };
      },
      getChild: (i: number) => {
        hit('Body.getChild');
        const node = doc.body[i];
        if (!node) throw new Error('getChild: index out of range');
        return elementOf(doc, node);
      },
      getNumChildren: () => (hit('Body.getNumChildren'), doc.body.length),
      getChildIndex: (el: { __node: DocNode }) => {
        hit('Body.getChildIndex');
        const i = doc.body.indexOf(el.__node);
        if (i < 0) throw new Error('getChildIndex: not a child of this body');
        return i;
      },
      getText: () => (
        hit('Body.getText'),
        doc.body.map((n) => (n.cells ? n.cells.map((r) => r.join('\t')).join('\n') : n.text)).join('\n')
      ),
      replaceText: (pattern: string, replacement: string) => {
        hit('Body.replaceText');
        const re = new RegExp(pattern, 'g');
        for (const { c, node } of paragraphs(doc)) {
          const text = node.text.replace(re, replacement);
          if (text !== node.text) {
            node.text = text;
            c.changed();
          }
        }
        return body;
      },
      findText: (pattern: string) => {
        hit('Body.findText');
        const found = paragraphs(doc).find(({ node }) => new RegExp(pattern).test(node.text));
        return found ? { getElement: () => ({ getParent: () => paraIn(found.c, found.node) }) } : null;
      },
      insertTable: (index: number, cells: string[][]) => {
        hit('Body.insertTable');
        if (index < 0 || index > doc.body.length) throw new Error('insertTable: index out of range');
        doc.body.splice(index, 0, tableNode(cells));
      },
      getPageWidth: () => (hit('Body.getPageWidth'), doc.page.width ?? 612),
      getPageHeight: () => (hit('Body.getPageHeight'), doc.page.height ?? 792),
      getMarginTop: () => (hit('Body.getMarginTop'), doc.page.top ?? 72),
      getMarginBottom: () => (hit('Body.getMarginBottom'), doc.page.bottom ?? 72),
      getMarginLeft: () => (hit('Body.getMarginLeft'), doc.page.left ?? 72),
      getMarginRight: () => (hit('Body.getMarginRight'), doc.page.right ?? 72),
      appendListItem: (el: { __node: DocNode }) => (hit('Body.appendListItem'), doc.body.push(el.__node)),
      appendHorizontalRule: () => hit('Body.appendHorizontalRule'),
    };
    /** appendParagraph and appendTable also take an element copied from another document. */
    const appendText = body.appendParagraph;
    body.appendParagraph = (x: string | { __node: DocNode }) =>
      typeof x === 'string'
        ? appendText(x)
        : (hit('Body.appendParagraph'), doc.body.push(x.__node), paragraph(doc, x.__node));
    const appendCells = body.appendTable;
    body.appendTable = (x: string[][] | { __node: DocNode }) =>
      Array.isArray(x) ? appendCells(x) : (hit('Body.appendTable'), doc.body.push(x.__node));
    return body;
  };
  return {
    Attribute: new Proxy({}, { get: (_, k) => String(k) }),
    HorizontalAlignment: { LEFT: 'LEFT', CENTER: 'CENTER', RIGHT: 'RIGHT', JUSTIFY: 'JUSTIFY' },
    ElementType: {
      PARAGRAPH: 'PARAGRAPH',
      TABLE: 'TABLE',
      LIST_ITEM: 'LIST_ITEM',
      PAGE_BREAK: 'PAGE_BREAK',
      HORIZONTAL_RULE: 'HORIZONTAL_RULE',
      BODY_SECTION: 'BODY_SECTION',
      TABLE_CELL: 'TABLE_CELL',
    },
    openById(id: string) {
      hit('DocumentApp.openById');
      needDocs('DocumentApp.openById');
      const doc = docs.find((d) => d.id === id);
      if (!doc) throw new Error(`No item with the given ID could be found: ${id}`);
      return this.wrap(doc);
    },
    create(name: string) {
      hit('DocumentApp.create');
      needDocs('DocumentApp.create');
      const doc = new FakeDocument(name, `doc${docs.length + 1}`);
      docs.push(doc);
      return this.wrap(doc);
    },
    wrap(doc: FakeDocument) {
      return {
        getBody: () => (hit('Document.getBody'), bodyOf(doc)),
        getUrl: () => (hit('Document.getUrl'), `https://docs.google.com/document/d/${doc.id}/edit`),
        getId: () => (hit('Document.getId'), doc.id),
        saveAndClose: () => (hit('Document.saveAndClose'), (doc.saved = true)),
      };
    },
  };
}
