import ts from 'typescript';
import { catalogOf } from '../../src/shared/i18n/catalog';

/**
 * Finds words written into components instead of the catalog: JSX text with letters, and string
 * literals (or template literals with letters) given to an attribute or prop that shows text, placed
 * as a JSX child, or handed to a setter that shows a message. A call like `t('area.key')` is not a
 * finding: its string is a key, not a word.
 */
export interface Finding {
  file: string;
  line: number;
  text: string;
  why: string;
}

/** Names written as their owners write them, in every language (docs/glossary.md). */
export const BRAND_NAMES = [
  'Bridgekeeper',
  'Visma.net Admin',
  'Visma.net ERP',
  'Visma.net',
  'Visma Connect',
  'Visma Severa',
  'Visma',
  'DataBridge',
  'SuperOffice',
  'Severa',
  'Azets Work',
  'Azets',
  'Cozone',
];

/** Attributes whose value a person reads or hears. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  // Our components' props that show text.
  'confirmLabel',
  'saveLabel',
  'inputLabel',
  'message',
  'hint',
  'heading',
  'description',
  'area',
  'text',
  'emptyText',
  'caption',
  'summary',
]);
/** Object literal properties that are shown as text (`{ label: 'Profiles' }` in a list of tabs). */
const TEXT_PROPERTIES = new Set(['label', 'title', 'hint', 'message', 'placeholder', 'description', 'heading', 'text']);
/** Calls whose argument is shown as it is (`setMessage('Saved.')`, `say('Done.')`). */
const SHOWING_CALL = /^(say|setMessage|setError|setStatus|setNotice|setText|setTitle|setLabel|setProblem)$/;

const LETTER = /\p{L}/u;
/** A catalog key is a name of words, not words (`label: 'app.area.profiles'`). */
const KEYS: ReadonlySet<string> = new Set(Object.keys(catalogOf('en')));
const brandFree = (text: string): string => BRAND_NAMES.reduce((rest, name) => rest.split(name).join(' '), text);
/** Whether text says something in English (or any language) once the brand names are taken out. */
/** Technical names shown as they are, in any language: API scopes such as `users:read`. */
const TECHNICAL = /^[a-z_]+(:[a-z_]+)+$/;
export const hasWords = (text: string): boolean => !KEYS.has(text) && !TECHNICAL.test(text.trim()) && LETTER.test(brandFree(text));

/** The literal values an expression can evaluate to as text: its branches and fallbacks, not its call arguments or comparisons. */
function textValues(expression: ts.Expression): ts.Node[] {
  if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression)) return textValues(expression.expression);
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression) || ts.isTemplateExpression(expression)) return [expression];
  if (ts.isConditionalExpression(expression)) return [...textValues(expression.whenTrue), ...textValues(expression.whenFalse)];
  if (ts.isBinaryExpression(expression)) {
    const op = expression.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return textValues(expression.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.PlusToken) return [...textValues(expression.left), ...textValues(expression.right)];
  }
  return [];
}

/** The literal text of a string or template literal (a template's placeholders as `${…}`). */
function literalText(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => `\${…}${span.literal.text}`).join('');
  return '';
}

export function findEnglish(file: string, source: string): Finding[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string, why: string) => {
    const leading = ts.isJsxText(node) ? text.length - text.trimStart().length : 0; // JSX text starts with the line break before it
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile) + leading);
    findings.push({ file, line: line + 1, text: text.trim().replace(/\s+/g, ' '), why });
  };
  const reportValues = (expression: ts.Expression, why: string) => {
    for (const value of textValues(expression)) {
      const text = literalText(value);
      if (hasWords(text)) report(value, text, why);
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (hasWords(node.text)) report(node, node.text, 'JSX text');
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sourceFile);
      if (TEXT_ATTRIBUTES.has(name) && node.initializer) {
        if (ts.isStringLiteral(node.initializer)) {
          if (hasWords(node.initializer.text)) report(node.initializer, node.initializer.text, `attribute ${name}`);
        } else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) {
          reportValues(node.initializer.expression, `attribute ${name}`);
        }
      }
      return; // other attributes (className, id, data-*) hold no words; their expressions are not children
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      reportValues(node.expression, 'JSX child');
    } else if (ts.isPropertyAssignment(node) && TEXT_PROPERTIES.has(node.name.getText(sourceFile))) {
      reportValues(node.initializer, `property ${node.name.getText(sourceFile)}`);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && SHOWING_CALL.test(node.expression.text)) {
      for (const argument of node.arguments) reportValues(argument, `${node.expression.text}(…)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return findings;
}

export const describeFinding = (f: Finding): string => `${f.file}:${f.line}: ${f.why}: "${f.text}"`;
