import { describe, expectTypeOf, it } from 'vitest';
import type { PageControl, PageDocument, PageElement, PageGlobal, PageNode } from '../../../src/main/portal/page/page-dom';

/**
 * Main has no DOM types, so the portal page script is written against page-dom.ts. Here, under the
 * DOM's own types (tsconfig.test.json), the real DOM must fit them: a member the script uses that the
 * DOM lacks, or types differently, fails `npm run typecheck` on this file.
 */
describe('the page script’s view of the DOM', () => {
  it('is a subset of the real DOM (checked by the type checker)', () => {
    expectTypeOf<Text>().toExtend<PageNode>();
    expectTypeOf<Element>().toExtend<PageElement>();
    expectTypeOf<HTMLElement>().toExtend<PageControl>();
    expectTypeOf<HTMLInputElement>().toExtend<PageControl>();
    expectTypeOf<Document>().toExtend<PageDocument>();
    expectTypeOf<Window & typeof globalThis>().toExtend<PageGlobal>();
  });
});
